import string
import unicodedata


def normalize_answer(text):
    """Removes `string.punctuation` (ASCII only) instead of every Unicode category P* character: `「」…“”` stay."""
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(ch for ch in text if ch not in string.punctuation)
    return " ".join(text.split())


def exact_match(prediction, references):
    target = normalize_answer(prediction)
    return float(any(target == normalize_answer(ref) for ref in references))
