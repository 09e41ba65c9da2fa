"""count_matrix from one Counter per document, read out in vocabulary order."""

from collections import Counter

import numpy as np


def count_matrix(docs, vocabulary):
    rows = [[Counter(doc)[term] for term in vocabulary] for doc in docs]
    return np.array(rows, dtype=np.int64).reshape(len(docs), len(vocabulary))
