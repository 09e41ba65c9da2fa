import numpy as np


def bootstrap_ci(correct, n_boot=2000, alpha=0.05, seed=0):
    """Counts of each item drawn by a multinomial: the same as drawing with replacement."""
    values = np.asarray(correct, dtype=float)
    n = len(values)
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(n, [1 / n] * n, size=n_boot)
    means = counts @ values / n
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))


def paired_bootstrap(a, b, n_boot=2000, seed=0):
    """One multinomial weight vector per resample, applied to both models."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    n = len(a)
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n, [1 / n] * n, size=n_boot) / n
    return float(((weights @ a) - (weights @ b) <= 1e-12).mean())
