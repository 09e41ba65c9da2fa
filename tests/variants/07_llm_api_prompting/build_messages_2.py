def build_messages(persona, instructions, text, delimiter='"""'):
    """Persona, instructions and the input between delimiters."""
    assert_safe = delimiter not in text
    if not assert_safe:
        raise ValueError(f"{delimiter!r} occurs in the text")
    user = {"role": "user", "content": instructions + "\n\n" + delimiter + "\n" + text + "\n" + delimiter}
    return [{"role": "system", "content": persona}, user] if persona not in (None, "") else [user]
