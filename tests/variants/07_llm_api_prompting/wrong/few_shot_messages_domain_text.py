def few_shot_messages(instruction, examples, text, k, label_words=("negative", "positive")):
    """Leaves out an example equal to the text, so the answer does not leak."""
    usable = [(r, lab) for r, lab in examples if r != text]
    pos = [r for r, lab in usable if lab == 1][: (k + 1) // 2]
    neg = [r for r, lab in usable if lab == 0][: k // 2]
    if len(pos) < (k + 1) // 2 or len(neg) < k // 2:
        raise ValueError("not enough examples")
    messages = [{"role": "system", "content": instruction}]
    for i, review in enumerate(pos):
        messages += [{"role": "user", "content": review}, {"role": "assistant", "content": label_words[1]}]
        if i < len(neg):
            messages += [{"role": "user", "content": neg[i]}, {"role": "assistant", "content": label_words[0]}]
    return messages + [{"role": "user", "content": text}]
