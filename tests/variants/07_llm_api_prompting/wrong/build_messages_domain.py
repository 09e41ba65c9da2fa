def build_messages(persona, instructions, text, delimiter='"""'):
    """Tests `persona is not None`: an empty persona still gives an (empty) system message."""
    if delimiter in text:
        raise ValueError("the input contains the delimiter")
    messages = [{"role": "system", "content": persona}] if persona is not None else []
    messages.append({"role": "user", "content": f"{instructions}\n\n{delimiter}\n{text}\n{delimiter}"})
    return messages
