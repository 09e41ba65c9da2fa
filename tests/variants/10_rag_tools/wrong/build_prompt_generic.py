def build_prompt(question, passages, tokenizer, budget):
    """Wrong: stops when the sum reaches the budget exactly (>= instead of >): a chunk that just fits is left out."""
    parts, used_tokens = [], 0
    for i, text in enumerate(passages, start=1):
        part = f"[{i}] {text}\n\n"
        n = len(tokenizer.encode(part, add_special_tokens=False))
        if used_tokens + n >= budget:
            break
        parts.append(part)
        used_tokens += n
    content = "Passages:\n\n" + "".join(parts) + f"Question: {question}"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": content}], len(parts)


def cited_ids(answer, retrieved_ids):
    import re

    found = []
    for group in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", answer):
        for number in group.split(","):
            n = int(number)
            if 1 <= n <= len(retrieved_ids) and retrieved_ids[n - 1] not in found:
                found.append(retrieved_ids[n - 1])
    return found
