def build_messages(persona, instructions, text, delimiter='"""'):
    """A system persona (if any) and a user message with the delimited input."""
    if text.find(delimiter) != -1:
        raise ValueError("delimiter inside the input")
    body = "\n".join([instructions, "", delimiter, text, delimiter])
    out = []
    if persona is not None and persona != "":
        out.append(dict(role="system", content=persona))
    out.append(dict(role="user", content=body))
    return out
