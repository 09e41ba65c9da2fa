def build_prompt(question, passages, tokenizer, budget):
    """A while loop over the passages, the user message built as a list of lines."""
    lines, spent, i = ["Passages:\n\n"], 0, 0
    while i < len(passages):
        part = "[" + str(i + 1) + "] " + passages[i] + "\n\n"
        cost = len(tokenizer.encode(part, add_special_tokens=False))
        if spent + cost > budget:
            break
        lines.append(part)
        spent += cost
        i += 1
    lines.append("Question: " + question)
    messages = [dict(role="system", content=SYSTEM), dict(role="user", content="".join(lines))]
    return messages, i


def cited_ids(answer, retrieved_ids):
    """A scanner by hand: digits and commas inside [ ... ]."""
    import re

    out = []
    for match in re.finditer(r"\[([0-9,\s]+)\]", answer):
        inner = match.group(1)
        if not re.fullmatch(r"\d+(\s*,\s*\d+)*", inner):
            continue
        for n in map(int, inner.split(",")):
            if 1 <= n <= len(retrieved_ids) and retrieved_ids[n - 1] not in out:
                out.append(retrieved_ids[n - 1])
    return out
