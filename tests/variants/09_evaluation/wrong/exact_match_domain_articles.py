import re
import unicodedata


def normalize_answer(text):
    """SQuAD's normalisation: also drops the English articles a, an, the."""
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("P"))
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction, references):
    target = normalize_answer(prediction)
    return float(any(target == normalize_answer(ref) for ref in references))
