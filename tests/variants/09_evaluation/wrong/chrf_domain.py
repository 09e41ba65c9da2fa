from collections import Counter


def chrf(hypotheses, references, max_order=6, beta=2):
    """Counts the n-grams of the text with its spaces (only the ends stripped): n-grams across a space are kept."""
    totals = [[0, 0, 0] for _ in range(max_order)]
    for hyp, ref in zip(hypotheses, references):
        hyp, ref = hyp.strip(), ref.strip()
        for n in range(1, max_order + 1):
            h = Counter(hyp[i:i + n] for i in range(len(hyp) - n + 1))
            r = Counter(ref[i:i + n] for i in range(len(ref) - n + 1))
            totals[n - 1][0] += sum(h.values()) if r else 0
            totals[n - 1][1] += sum(r.values())
            totals[n - 1][2] += sum(min(count, r[g]) for g, count in h.items())
    precisions = [m / h for h, r, m in totals if h > 0 and r > 0]
    recalls = [m / r for h, r, m in totals if h > 0 and r > 0]
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if p + r == 0:
        return 0.0
    return float(100 * (1 + beta**2) * p * r / (beta**2 * p + r))
