def viterbi_segment(word: str, logprobs: dict[str, float]) -> tuple[list[str], float]:
    """Most probable segmentation of ``word`` under a unigram model (forward DP keeping whole paths)."""
    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    longest = max(map(len, logprobs), default=0)
    for end in range(1, len(word) + 1):
        candidates = [
            (best[start][0] + logprobs[word[start:end]], best[start][1] + [word[start:end]])
            for start in range(max(0, end - longest), end)
            if start in best and word[start:end] in logprobs
        ]
        if candidates:
            best[end] = max(candidates, key=lambda c: c[0])
    if len(word) not in best:
        return [], float("-inf")
    score, tokens = best[len(word)]
    return tokens, float(score)
