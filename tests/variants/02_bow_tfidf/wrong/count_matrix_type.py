def count_matrix(docs, vocabulary):
    """Float counts (np.zeros' default dtype) where integers are asked for."""
    index = {t: j for j, t in enumerate(vocabulary)}
    X = np.zeros((len(docs), len(vocabulary)))
    for i, doc in enumerate(docs):
        for t in doc:
            if t in index:
                X[i, index[t]] += 1
    return X
