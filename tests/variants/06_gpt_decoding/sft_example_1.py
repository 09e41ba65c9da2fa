import torch


def sft_example(prompt_ids, answer_ids):
    """Clone the ids and mask the first positions."""
    input_ids = torch.as_tensor([*prompt_ids, *answer_ids], dtype=torch.long)
    labels = input_ids.clone()
    labels[: len(prompt_ids)] = -100
    return input_ids, labels
