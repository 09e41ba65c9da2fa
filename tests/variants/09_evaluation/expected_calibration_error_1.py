import numpy as np


def expected_calibration_error(confidences, correct, n_bins=10):
    """np.digitize on the inner edges with right=True puts (lo, hi] together."""
    conf = np.array(confidences, dtype=float)
    hit = np.array(correct, dtype=float)
    edges = np.linspace(0, 1, n_bins + 1)[1:-1]
    which = np.digitize(conf, edges, right=True)
    total = 0.0
    for m in np.unique(which):
        sel = which == m
        total += sel.sum() / len(conf) * abs(hit[sel].mean() - conf[sel].mean())
    return float(total)
