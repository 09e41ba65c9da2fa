import numpy as np


def bootstrap_ci(correct, n_boot=2000, alpha=0.05, seed=0):
    correct = np.asarray(correct, dtype=float)
    rng = np.random.default_rng(seed)
    means = correct[rng.integers(0, len(correct), size=(n_boot, len(correct)))].mean(axis=1)
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))


def paired_bootstrap(a, b, n_boot=2000, seed=0):
    """Resamples each model with its own indices (unpaired): the common item difficulty no longer cancels."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    rng = np.random.default_rng(seed)
    mean_a = a[rng.integers(0, len(a), size=(n_boot, len(a)))].mean(axis=1)
    mean_b = b[rng.integers(0, len(b), size=(n_boot, len(b)))].mean(axis=1)
    return float(np.mean(mean_a - mean_b <= 0))
