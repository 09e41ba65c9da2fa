import math

import numpy as np


def tfidf(counts, idf):
    """Counts weighted by ``idf``, row by row in plain Python, each row scaled to unit l2 norm."""
    rows = []
    for row in np.asarray(counts).tolist():
        weighted = [float(c) * float(w) for c, w in zip(row, np.asarray(idf).tolist())]
        length = math.sqrt(sum(x * x for x in weighted))
        rows.append([x / length for x in weighted] if length > 0 else weighted)
    return np.array(rows, dtype=np.float64).reshape(np.shape(counts))
