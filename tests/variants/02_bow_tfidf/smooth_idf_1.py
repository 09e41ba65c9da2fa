import numpy as np


def smooth_idf(counts):
    """Smoothed inverse document frequency of every column of a document-term count matrix."""
    present = np.asarray(counts) != 0  # counts are non-negative: non-zero means "occurs"
    n_docs = present.shape[0]
    df = present.sum(axis=0, dtype=np.float64)
    return np.log(np.divide(n_docs + 1.0, df + 1.0)) + 1.0
