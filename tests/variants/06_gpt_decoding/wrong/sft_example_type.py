def sft_example(prompt_ids, answer_ids):
    """The labels get torch.tensor's inferred dtype: float32 when both lists are empty."""
    input_ids = torch.tensor(prompt_ids + answer_ids, dtype=torch.long)
    labels = torch.tensor([-100] * len(prompt_ids) + list(answer_ids))
    return input_ids, labels
