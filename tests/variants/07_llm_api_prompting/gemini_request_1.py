from google.genai import types


def gemini_request(prompt, system=None, temperature=1.0, max_output_tokens=256, image=None, mime_type="image/png"):
    """Config built from a dict of the fields that are set."""
    fields = {"temperature": temperature, "max_output_tokens": max_output_tokens}
    if system:
        fields["system_instruction"] = system
    parts = []
    if image is not None:
        parts.append(types.Part.from_bytes(data=image, mime_type=mime_type))
    parts.append(prompt)
    return dict(contents=parts, config=types.GenerateContentConfig(**fields))
