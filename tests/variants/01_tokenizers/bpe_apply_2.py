import re


def apply_bpe(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Segment ``word`` with learned merges, the slides' way: symbols joined by spaces, one regex per merge."""
    text = " ".join(word)
    for a, b in merges:
        text = re.sub(r"(?<!\S)" + re.escape(f"{a} {b}") + r"(?!\S)", a + b, text)
    return text.split(" ") if text else []
