def gemini_request(prompt, system=None, temperature=1.0, max_output_tokens=256, image=None, mime_type="image/png"):
    """Strips the system string: a system made of spaces is dropped, other systems lose their spaces."""
    contents = [prompt] if image is None else [types.Part.from_bytes(data=image, mime_type=mime_type), prompt]
    system = system.strip() if system else None
    config = types.GenerateContentConfig(system_instruction=system or None, temperature=temperature,
                                         max_output_tokens=max_output_tokens)
    return {"contents": contents, "config": config}
