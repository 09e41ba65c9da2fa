import numpy as np


def _grams(text, n):
    grams = {}
    for i in range(len(text) - n + 1):
        grams[text[i:i + n]] = grams.get(text[i:i + n], 0) + 1
    return grams


def chrf(hypotheses, references, max_order=6, beta=2):
    """A (max_order, 3) array of hypothesis / reference / match counts."""
    stats = np.zeros((max_order, 3))
    for hyp, ref in zip(hypotheses, references):
        h_clean, r_clean = "".join(hyp.split()), "".join(ref.split())
        for n in range(max_order):
            h, r = _grams(h_clean, n + 1), _grams(r_clean, n + 1)
            stats[n, 0] += sum(h.values()) if r else 0
            stats[n, 1] += sum(r.values())
            stats[n, 2] += sum(min(c, r.get(g, 0)) for g, c in h.items())
    ok = (stats[:, 0] > 0) & (stats[:, 1] > 0)
    if not ok.any():
        return 0.0
    p = float(np.mean(stats[ok, 2] / stats[ok, 0]))
    r = float(np.mean(stats[ok, 2] / stats[ok, 1]))
    denom = beta**2 * p + r
    return float(100 * (1 + beta**2) * p * r / denom) if denom > 0 else 0.0
