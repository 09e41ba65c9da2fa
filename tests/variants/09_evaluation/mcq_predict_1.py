def mcq_predict(lls, choices):
    """Plain loops; strict > keeps the first of equal values."""
    best = best_norm = 0
    for i in range(1, len(lls)):
        if lls[i] > lls[best]:
            best = i
        if lls[i] / len(choices[i]) > lls[best_norm] / len(choices[best_norm]):
            best_norm = i
    return best, best_norm
