def chatml(messages, add_generation_prompt=False, default_system=SMOL_SYSTEM):
    """String concatenation in a loop, the default system message as an extra first message."""
    turns = list(messages)
    if turns and turns[0]["role"] != "system":
        turns = [{"role": "system", "content": default_system}, *turns]
    text = ""
    for turn in turns:
        text += "<|im_start|>" + turn["role"] + "\n" + turn["content"] + "<|im_end|>" + "\n"
    return text + ("<|im_start|>assistant\n" if add_generation_prompt else "")
