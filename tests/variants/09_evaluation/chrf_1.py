from collections import Counter


def chrf(hypotheses, references, max_order=6, beta=2):
    """Statistics in numpy-free dicts keyed by order, F-score at the end."""
    hyp_total, ref_total, match_total = Counter(), Counter(), Counter()
    for hyp, ref in zip(hypotheses, references):
        hyp, ref = "".join(hyp.split()), "".join(ref.split())
        for n in range(1, max_order + 1):
            hyp_grams = Counter(hyp[i:i + n] for i in range(len(hyp) - n + 1))
            ref_grams = Counter(ref[i:i + n] for i in range(len(ref) - n + 1))
            if ref_grams:
                hyp_total[n] += sum(hyp_grams.values())
            ref_total[n] += sum(ref_grams.values())
            match_total[n] += sum((hyp_grams & ref_grams).values())
    orders = [n for n in range(1, max_order + 1) if hyp_total[n] > 0 and ref_total[n] > 0]
    if not orders:
        return 0.0
    precision = sum(match_total[n] / hyp_total[n] for n in orders) / len(orders)
    recall = sum(match_total[n] / ref_total[n] for n in orders) / len(orders)
    if precision == 0 and recall == 0:
        return 0.0
    b2 = beta * beta
    return 100.0 * (1 + b2) * precision * recall / (b2 * precision + recall)
