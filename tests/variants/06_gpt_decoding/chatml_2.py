def chatml(messages, add_generation_prompt=False, default_system=SMOL_SYSTEM):
    """A generator and str.join."""
    def turns():
        for i, m in enumerate(messages):
            if i == 0 and m["role"] != "system":
                yield "system", default_system
            yield m["role"], m["content"]
        if add_generation_prompt:
            yield "assistant", None

    return "".join(f"<|im_start|>{role}\n" + ("" if content is None else f"{content}<|im_end|>\n")
                   for role, content in turns())
