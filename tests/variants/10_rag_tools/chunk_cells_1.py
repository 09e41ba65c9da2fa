def chunk_cells(cells, tokenizer, max_tokens, overlap):
    """Paragraph texts and sizes in two parallel lists; the overlap found by index arithmetic."""
    import re

    out = []
    for cell in cells:
        texts, sizes = [], []
        for paragraph in (p.strip() for p in re.split(r"\n\s*\n", cell["text"])):
            if not paragraph:
                continue
            ids = tokenizer.encode(paragraph, add_special_tokens=False)
            step = max_tokens if len(ids) > max_tokens else max(len(ids), 1)
            for start in range(0, len(ids), step):
                piece = ids[start:start + step]
                texts.append(paragraph if step == len(ids) else tokenizer.decode(piece))
                sizes.append(len(piece))
        groups, lo = [], 0  # the current chunk is paragraphs lo..hi-1
        for hi in range(len(texts)):
            if hi > lo and sum(sizes[lo:hi]) + sizes[hi] > max_tokens:
                groups.append((lo, hi))
                start = hi
                while start > lo and sum(sizes[start - 1:hi]) <= overlap:
                    start -= 1
                lo = start
                while lo < hi and sum(sizes[lo:hi]) + sizes[hi] > max_tokens:
                    lo += 1
        if texts:
            groups.append((lo, len(texts)))
        for j, (a, b) in enumerate(groups):
            out.append({"id": f"{cell['id']}#{j}", "cell": cell["id"], "lab": cell["lab"], "lang": cell["lang"],
                        "text": "\n\n".join(texts[a:b]), "tokens": sum(sizes[a:b])})
    return out
