"""ngrams with a sliding window (a bounded deque) over the tokens, one n at a time."""

from collections import deque


def ngrams(tokens, n_min=1, n_max=1):
    out = []
    for n in range(n_min, n_max + 1):
        window = deque(maxlen=n)
        for token in tokens:
            window.append(token)
            if len(window) == n:
                out.append(" ".join(window))
    return out
