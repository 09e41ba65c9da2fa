def build_prompt(question, passages, tokenizer, budget):
    """Wrong: returns the list [messages, used] instead of the tuple (messages, used)."""
    parts, used_tokens = [], 0
    for i, text in enumerate(passages, start=1):
        part = f"[{i}] {text}\n\n"
        n = len(tokenizer.encode(part, add_special_tokens=False))
        if used_tokens + n > budget:
            break
        parts.append(part)
        used_tokens += n
    user = "Passages:\n\n" + "".join(parts) + f"Question: {question}"
    return [[{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}], len(parts)]
