def mcq_predict(lls, choices):
    """Sorts the indices by score and takes the last: a tie goes to the largest index."""
    order = sorted(range(len(lls)), key=lambda i: lls[i])
    order_norm = sorted(range(len(lls)), key=lambda i: lls[i] / len(choices[i]))
    return order[-1], order_norm[-1]
