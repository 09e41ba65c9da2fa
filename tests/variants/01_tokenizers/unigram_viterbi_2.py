import math
from functools import cache


def viterbi_segment(word: str, logprobs: dict[str, float]) -> tuple[list[str], float]:
    """Most probable segmentation of ``word`` under a unigram model (memoised recursion on suffixes)."""

    @cache
    def best_from(start: int) -> tuple[float, tuple[str, ...]]:
        if start == len(word):
            return 0.0, ()
        result = (-math.inf, ())
        for end in range(start + 1, len(word) + 1):
            piece = word[start:end]
            if piece in logprobs:
                score, rest = best_from(end)
                if score > -math.inf and logprobs[piece] + score > result[0]:
                    result = (logprobs[piece] + score, (piece, *rest))
        return result

    for start in range(len(word), 0, -1):  # fill the cache from the end: no deep recursion on long words
        best_from(start)
    score, tokens = best_from(0)
    return (list(tokens), score) if tokens or not word else ([], -math.inf)
