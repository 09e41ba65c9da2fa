def korean_tokenize(text, norm=False, stem=False):
    """Okt morphemes of ``text``, lowercased (read from the (morpheme, tag) pairs)."""
    return [morpheme.lower() for morpheme, _tag in okt.pos(text, norm=norm, stem=stem)]  # noqa: F821 (the notebook's okt)
