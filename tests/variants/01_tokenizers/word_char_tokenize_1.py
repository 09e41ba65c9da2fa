import re


def word_tokenize(text: str) -> list[str]:
    """Tokens separated by whitespace."""
    return re.findall(r"\S+", text)


def char_tokenize(text: str) -> list[str]:
    """Every non-whitespace character (code point)."""
    return re.findall(r"\S", text)
