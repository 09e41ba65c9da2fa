def word_tokenize(text: str) -> list[str]:
    """Splits on single spaces only: tabs, newlines and runs of spaces are not handled."""
    return [w for w in text.split(" ") if w]


def char_tokenize(text: str) -> list[str]:
    return [ch for ch in text if not ch.isspace()]
