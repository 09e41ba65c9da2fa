def korean_tokenize(text, norm=False, stem=False):
    """Okt morphemes of ``text``, lowercased; blank text never reaches Okt."""
    if not text.strip():
        return []
    return list(map(str.lower, okt.morphs(text, norm=norm, stem=stem)))  # noqa: F821 (the notebook's okt)
