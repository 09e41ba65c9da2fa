def viterbi_segment(word: str, logprobs: dict[str, float]) -> tuple[list[str], float]:
    """>= instead of >: on equal scores the later split point wins (the text allows any best split)."""
    n = len(word)
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(end):
            piece = word[start:end]
            if piece in logprobs and best[start] + logprobs[piece] >= best[end] and best[start] > -math.inf:
                best[end] = best[start] + logprobs[piece]
                back[end] = start
    if best[n] == -math.inf:
        return [], -math.inf
    tokens, end = [], n
    while end > 0:
        tokens.append(word[back[end]:end])
        end = back[end]
    return tokens[::-1], best[n]
