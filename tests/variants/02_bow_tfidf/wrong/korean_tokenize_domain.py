def korean_tokenize(text, norm=False, stem=False):
    """Lowercases, but never passes `norm` and `stem` on to Okt: the options are ignored."""
    return [token.lower() for token in okt.morphs(text)]
