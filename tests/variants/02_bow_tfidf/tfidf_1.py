import numpy as np
from sklearn.preprocessing import normalize


def tfidf(counts, idf):
    """Counts weighted by ``idf`` (one value per column), each row scaled to unit l2 norm."""
    return normalize(np.asarray(counts, dtype=np.float64) * np.asarray(idf, dtype=np.float64), norm="l2")
