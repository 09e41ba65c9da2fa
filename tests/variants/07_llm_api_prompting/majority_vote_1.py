from collections import Counter


def majority_vote(answers):
    """Counter for the counts, the first index for ties."""
    valid = [a for a in answers if a is not None]
    if not valid:
        return None
    counts = Counter(valid)
    top = max(counts.values())
    return next(a for a in valid if counts[a] == top)
