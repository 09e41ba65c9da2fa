def build_prompt(question, passages, tokenizer, budget):
    """Token counts first, then the longest prefix within the budget via a running sum."""
    import itertools

    parts = [f"[{i}] {text}\n\n" for i, text in enumerate(passages, 1)]
    sizes = [len(tokenizer.encode(p, add_special_tokens=False)) for p in parts]
    used = sum(1 for total in itertools.accumulate(sizes) if total <= budget)
    user = "Passages:\n\n" + "".join(parts[:used]) + "Question: " + question
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}], used


def cited_ids(answer, retrieved_ids):
    """Find the bracket groups, then every number inside them; dict keeps the first-seen order."""
    import re

    seen = {}
    for group in re.finditer(r"\[\d+(?:\s*,\s*\d+)*\]", answer):
        for number in re.findall(r"\d+", group.group()):
            n = int(number)
            if 0 < n <= len(retrieved_ids):
                seen.setdefault(retrieved_ids[n - 1], None)
    return list(seen)
