_CONFIG = types.GenerateContentConfig()


def gemini_request(prompt, system=None, temperature=1.0, max_output_tokens=256, image=None, mime_type="image/png"):
    """Reuses one module-level config and updates it: every earlier request changes with the last call."""
    _CONFIG.system_instruction = system if system else None
    _CONFIG.temperature = temperature
    _CONFIG.max_output_tokens = max_output_tokens
    contents = [prompt]
    if image is not None:
        contents = [types.Part.from_bytes(data=image, mime_type=mime_type), prompt]
    return {"contents": contents, "config": _CONFIG}
