def chunk_cells(cells, tokenizer, max_tokens, overlap):
    """A generator per cell, with a deque for the current chunk and a running token count."""
    import re
    from collections import deque

    def count(text):
        return len(tokenizer.encode(text, add_special_tokens=False))

    def paragraphs(text):
        for raw in re.split(r"\n\s*\n", text):
            raw = raw.strip()
            if not raw:
                continue
            n = count(raw)
            if n <= max_tokens:
                yield raw, n
                continue
            ids = tokenizer.encode(raw, add_special_tokens=False)
            for i in range(0, n, max_tokens):
                yield tokenizer.decode(ids[i:i + max_tokens]), len(ids[i:i + max_tokens])

    chunks = []
    for cell in cells:
        current, total, emitted = deque(), 0, []
        for text, n in paragraphs(cell["text"]):
            if current and total + n > max_tokens:
                emitted.append(list(current))
                carry, carried = deque(), 0
                for item in reversed(current):
                    if carried + item[1] > overlap:
                        break
                    carry.appendleft(item)
                    carried += item[1]
                current, total = carry, carried
                while current and total + n > max_tokens:
                    total -= current.popleft()[1]
            current.append((text, n))
            total += n
        if current:
            emitted.append(list(current))
        chunks += [dict(id=f"{cell['id']}#{j}", cell=cell["id"], lab=cell["lab"], lang=cell["lang"],
                        text="\n\n".join(t for t, _ in part), tokens=sum(n for _, n in part))
                   for j, part in enumerate(emitted)]
    return chunks
