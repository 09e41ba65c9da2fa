import unicodedata


def normalize_answer(text):
    """Collapses the whitespace before removing punctuation: `"BPE - WordPiece"` keeps two spaces where `-` was."""
    text = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))


def exact_match(prediction, references):
    target = normalize_answer(prediction)
    return float(any(target == normalize_answer(ref) for ref in references))
