import unicodedata


def normalize_answer(text):
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
    return " ".join(text.split())


def exact_match(prediction, references):
    """Normalises the prediction only and looks it up in the raw references."""
    return float(normalize_answer(prediction) in references)
