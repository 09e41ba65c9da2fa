import numpy as np


def mcq_predict(lls, choices):
    """Divides by the length of the continuation as scored, `" " + choice`: the delimiter's space is counted."""
    per_char = [ll / len(" " + choice) for ll, choice in zip(lls, choices)]
    return int(np.argmax(lls)), int(np.argmax(per_char))
