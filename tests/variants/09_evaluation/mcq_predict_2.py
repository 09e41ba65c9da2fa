def mcq_predict(lls, choices):
    """max() over indices with a key returns the first maximum."""
    indices = range(len(lls))
    pred = max(indices, key=lambda i: lls[i])
    pred_norm = max(indices, key=lambda i: lls[i] / len(choices[i]))
    return pred, pred_norm
