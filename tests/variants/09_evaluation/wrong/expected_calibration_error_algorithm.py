import numpy as np


def expected_calibration_error(confidences, correct, n_bins=10):
    """Averages the gaps over the non-empty bins instead of weighting each by its share of the items."""
    confidences = np.asarray(confidences, dtype=float)
    correct = np.asarray(correct, dtype=float)
    bins = np.clip(np.ceil(confidences * n_bins).astype(int) - 1, 0, n_bins - 1)
    gaps = [abs(correct[bins == m].mean() - confidences[bins == m].mean()) for m in range(n_bins) if (bins == m).any()]
    return float(np.mean(gaps))
