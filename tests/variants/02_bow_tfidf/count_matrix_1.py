import numpy as np


def count_matrix(docs, vocabulary):
    """Document-term count matrix, vectorised: one flat index row * |V| + column per known token."""
    index = {term: j for j, term in enumerate(vocabulary)}
    width = len(vocabulary)
    flat = [i * width + index[token] for i, doc in enumerate(docs) for token in doc if token in index]
    counts = np.bincount(np.asarray(flat, dtype=np.int64), minlength=len(docs) * width)
    return counts.reshape(len(docs), width).astype(np.int64)
