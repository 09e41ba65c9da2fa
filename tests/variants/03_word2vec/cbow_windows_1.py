def cbow_windows(tokens: list[str], window: int) -> list[tuple[list[str], str]]:
    """Index arithmetic with explicit bounds."""
    out = []
    for i in range(len(tokens)):
        context = [tokens[j] for j in range(i - window, i + window + 1) if 0 <= j < len(tokens) and j != i]
        if len(context) > 0:
            out.append((context, tokens[i]))
    return out
