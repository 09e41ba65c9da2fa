def chunk_cells(cells, tokenizer, max_tokens, overlap):
    """Wrong: after the overlap, drops the first paragraph once (if, not while), so a chunk can exceed max_tokens."""
    import re

    chunks = []
    for cell in cells:
        pieces = []
        for paragraph in re.split(r"\n\s*\n", cell["text"]):
            paragraph = paragraph.strip()
            if not paragraph:
                continue
            ids = tokenizer.encode(paragraph, add_special_tokens=False)
            if len(ids) <= max_tokens:
                pieces.append((paragraph, len(ids)))
            else:
                for i in range(0, len(ids), max_tokens):
                    pieces.append((tokenizer.decode(ids[i:i + max_tokens]), len(ids[i:i + max_tokens])))
        current, done = [], []
        for piece in pieces:
            if current and sum(n for _, n in current) + piece[1] > max_tokens:
                done.append(current)
                kept = []
                for item in reversed(current):
                    if sum(n for _, n in kept) + item[1] > overlap:
                        break
                    kept.insert(0, item)
                current = kept
                if current and sum(n for _, n in current) + piece[1] > max_tokens:
                    current = current[1:]
            current = current + [piece]
        if current:
            done.append(current)
        for j, parts in enumerate(done):
            chunks.append({"id": f"{cell['id']}#{j}", "cell": cell["id"], "lab": cell["lab"], "lang": cell["lang"],
                           "text": "\n\n".join(text for text, _ in parts), "tokens": sum(n for _, n in parts)})
    return chunks
