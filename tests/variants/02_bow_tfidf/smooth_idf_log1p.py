"""smooth_idf with np.count_nonzero and log1p: ln(1 + N) - ln(1 + df) + 1."""

import numpy as np


def smooth_idf(counts):
    counts = np.asarray(counts)
    df = np.count_nonzero(counts, axis=0)
    return np.log1p(counts.shape[0]) - np.log1p(df) + 1.0
