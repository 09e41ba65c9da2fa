def few_shot_messages(instruction, examples, text, k, label_words=("negative", "positive")):
    """Indices of the first positives and negatives, merged by alternation."""
    pos_idx = [i for i, (_, y) in enumerate(examples) if y == 1]
    neg_idx = [i for i, (_, y) in enumerate(examples) if y == 0]
    n_pos = k - k // 2
    n_neg = k // 2
    if n_pos > len(pos_idx) or n_neg > len(neg_idx):
        raise ValueError(f"need {n_pos} positive and {n_neg} negative examples")
    order = []
    for j in range(k):
        order.append(pos_idx[j // 2] if j % 2 == 0 else neg_idx[j // 2])
    result = [dict(role="system", content=instruction)]
    for i in order:
        review, y = examples[i]
        result.append(dict(role="user", content=review))
        result.append(dict(role="assistant", content=label_words[1 if y == 1 else 0]))
    result.append(dict(role="user", content=text))
    return result
