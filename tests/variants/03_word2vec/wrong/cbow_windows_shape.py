def cbow_windows(tokens: list[str], window: int) -> list[tuple[list[str], str]]:
    """Slices the right context as `tokens[i + 1 : i + window]`: one word short on the right."""
    examples = []
    for i, center in enumerate(tokens):
        context = tokens[max(0, i - window) : i] + tokens[i + 1 : i + window]
        if context:
            examples.append((context, center))
    return examples
