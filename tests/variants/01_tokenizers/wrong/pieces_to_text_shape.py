def pieces_to_text(pieces: list[str]) -> str:
    """strip() removes every outer space, not only the one the first ▁ makes."""
    return "".join(pieces).replace("\u2581", " ").strip()
