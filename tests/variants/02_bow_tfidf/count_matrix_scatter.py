"""count_matrix vectorised: (row, column) index pairs of known tokens, scattered with np.add.at."""

import numpy as np


def count_matrix(docs, vocabulary):
    column = dict(zip(vocabulary, range(len(vocabulary))))
    hits = [(i, column[token]) for i, doc in enumerate(docs) for token in doc if token in column]
    counts = np.zeros((len(docs), len(vocabulary)), dtype=np.int64)
    if hits:
        rows, cols = np.array(hits).T
        np.add.at(counts, (rows, cols), 1)
    return counts
