def fertility(tokenizer, texts) -> float:
    """Subword tokens per whitespace word over ``texts``."""
    totals = [0, 0]
    for text in list(texts):
        n = len(text.split())
        if n == 0:
            continue
        totals[0] += len(tokenizer.tokenize(text))
        totals[1] += n
    try:
        return float(totals[0] / totals[1])
    except ZeroDivisionError:
        return 0.0
