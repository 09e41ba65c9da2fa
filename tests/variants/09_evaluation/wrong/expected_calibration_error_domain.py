import numpy as np


def expected_calibration_error(confidences, correct, n_bins=10):
    """Bins [m/M, (m+1)/M) by flooring conf * M: a confidence on an edge lands one bin too high."""
    confidences = np.asarray(confidences, dtype=float)
    correct = np.asarray(correct, dtype=float)
    bins = np.minimum((confidences * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for m in range(n_bins):
        mask = bins == m
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - confidences[mask].mean())
    return float(ece)
