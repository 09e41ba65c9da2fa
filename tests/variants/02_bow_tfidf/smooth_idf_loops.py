"""smooth_idf column by column in plain Python, math.log for the logarithm."""

import math

import numpy as np


def smooth_idf(counts):
    rows = [list(row) for row in counts]
    n_docs = len(rows)
    n_terms = len(rows[0]) if rows else 0
    idf = []
    for j in range(n_terms):
        df = sum(1 for row in rows if row[j] > 0)
        idf.append(math.log((1 + n_docs) / (1 + df)) + 1)
    return np.array(idf)
