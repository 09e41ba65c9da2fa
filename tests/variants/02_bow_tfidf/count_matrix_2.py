import numpy as np
import pandas as pd


def count_matrix(docs, vocabulary):
    """Document-term count matrix from pandas value counts, one document at a time."""
    rows = [pd.Series(doc, dtype=object).value_counts().reindex(vocabulary, fill_value=0).to_numpy()
            for doc in docs]
    if not rows:
        return np.zeros((0, len(vocabulary)), dtype=np.int64)
    return np.vstack(rows).astype(np.int64).reshape(len(docs), len(vocabulary))
