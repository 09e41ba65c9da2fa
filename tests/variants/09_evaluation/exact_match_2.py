import sys
import unicodedata

PUNCT = {i: None for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)).startswith("P")}


def normalize_answer(text):
    """str.translate with a table of every punctuation code point."""
    return " ".join(unicodedata.normalize("NFC", text).lower().translate(PUNCT).split())


def exact_match(prediction, references):
    """Loop and return early."""
    norm = normalize_answer(prediction)
    for ref in references:
        if normalize_answer(ref) == norm:
            return 1.0
    return 0.0
