def chatml(messages, add_generation_prompt=False, default_system=SMOL_SYSTEM):
    """Adds the default system message to an empty conversation as well (the template adds it only before a message)."""
    parts = []
    if not messages or messages[0]["role"] != "system":
        parts.append(f"<|im_start|>system\n{default_system}<|im_end|>\n")
    for message in messages:
        parts.append(f"<|im_start|>{message['role']}\n{message['content']}<|im_end|>\n")
    if add_generation_prompt:
        parts.append("<|im_start|>assistant\n")
    return "".join(parts)
