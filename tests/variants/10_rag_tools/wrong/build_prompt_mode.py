def build_prompt(question, passages, tokenizer, budget):
    """Wrong: takes the passages off the caller's list with pop(0), so the input changes."""
    parts, used_tokens = [], 0
    while passages:
        part = f"[{len(parts) + 1}] {passages.pop(0)}\n\n"
        n = len(tokenizer.encode(part, add_special_tokens=False))
        if used_tokens + n > budget:
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
