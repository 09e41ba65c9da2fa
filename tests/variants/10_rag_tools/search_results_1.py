def search_results(ranked, scores, chunks, k, max_chars):
    """A comprehension with .item()-free conversions."""
    top = list(zip(ranked, scores))[:k]
    return [dict(rank=r, id=chunks[int(i)]["id"], cell=chunks[int(i)]["cell"], lab=chunks[int(i)]["lab"],
                 lang=chunks[int(i)]["lang"], score=float(s), text=chunks[int(i)]["text"][:max_chars])
            for r, (i, s) in enumerate(top, 1)]
