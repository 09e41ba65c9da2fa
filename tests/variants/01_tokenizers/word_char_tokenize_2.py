def word_tokenize(text: str) -> list[str]:
    """Tokens separated by whitespace."""
    words, current = [], ""
    for ch in text:
        if ch.isspace():
            if current:
                words.append(current)
            current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


def char_tokenize(text: str) -> list[str]:
    """Every non-whitespace character (code point)."""
    return list("".join(word_tokenize(text)))
