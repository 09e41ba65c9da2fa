from collections import Counter


def _sentence_chrf(hyp, ref, max_order, beta):
    hyp, ref = "".join(hyp.split()), "".join(ref.split())
    precisions, recalls = [], []
    for n in range(1, max_order + 1):
        h = Counter(hyp[i:i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i:i + n] for i in range(len(ref) - n + 1))
        if h and r:
            matches = sum(min(count, r[g]) for g, count in h.items())
            precisions.append(matches / sum(h.values()))
            recalls.append(matches / sum(r.values()))
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 0.0 if p + r == 0 else 100 * (1 + beta**2) * p * r / (beta**2 * p + r)


def chrf(hypotheses, references, max_order=6, beta=2):
    """The mean of sentence chrF scores instead of one corpus score from the summed counts."""
    scores = [_sentence_chrf(h, r, max_order, beta) for h, r in zip(hypotheses, references)]
    return float(sum(scores) / len(scores))
