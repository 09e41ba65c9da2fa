import re
import unicodedata


def normalize_answer(text):
    """A regex for the whitespace."""
    text = unicodedata.normalize("NFC", text).lower()
    kept = [ch for ch in text if unicodedata.category(ch)[0] != "P"]
    return re.sub(r"\s+", " ", "".join(kept)).strip()


def exact_match(prediction, references):
    """A set of normalised references."""
    return 1.0 if normalize_answer(prediction) in {normalize_answer(r) for r in references} else 0.0
