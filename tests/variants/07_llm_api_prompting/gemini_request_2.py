from google.genai import types as gtypes


def gemini_request(prompt, system=None, temperature=1.0, max_output_tokens=256, image=None, mime_type="image/png"):
    """One expression per key."""
    image_parts = [] if image is None else [gtypes.Part.from_bytes(data=image, mime_type=mime_type)]
    return {
        "config": gtypes.GenerateContentConfig(
            max_output_tokens=max_output_tokens,
            temperature=temperature,
            system_instruction=None if system in (None, "") else system,
        ),
        "contents": image_parts + [prompt],
    }
