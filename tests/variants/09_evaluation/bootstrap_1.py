import numpy as np


def bootstrap_ci(correct, n_boot=2000, alpha=0.05, seed=0):
    """rng.choice on the values themselves, one resample at a time."""
    values = np.array(correct, dtype=float)
    rng = np.random.default_rng(seed)
    means = [rng.choice(values, size=len(values), replace=True).mean() for _ in range(n_boot)]
    lo, hi = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi)


def paired_bootstrap(a, b, n_boot=2000, seed=0):
    """Resample the per-item differences: pairing is built in."""
    diff = np.array(a, dtype=float) - np.array(b, dtype=float)
    rng = np.random.default_rng(seed)
    not_better = 0
    for _ in range(n_boot):
        if rng.choice(diff, size=len(diff), replace=True).mean() <= 0:
            not_better += 1
    return not_better / n_boot
