def expected_calibration_error(confidences, correct, n_bins=10):
    """Pure Python, bins as lists."""
    bins = [[] for _ in range(n_bins)]
    for c, y in zip(confidences, correct):
        m = 0
        while m < n_bins - 1 and c > (m + 1) / n_bins:
            m += 1
        bins[m].append((float(c), float(y)))
    n = len(list(confidences))
    ece = 0.0
    for members in bins:
        if members:
            acc = sum(y for _, y in members) / len(members)
            conf = sum(c for c, _ in members) / len(members)
            ece += len(members) / n * abs(acc - conf)
    return ece
