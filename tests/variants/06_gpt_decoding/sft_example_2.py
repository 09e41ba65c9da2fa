import torch


def sft_example(prompt_ids, answer_ids):
    """torch.cat of two pieces each."""
    prompt = torch.tensor(prompt_ids, dtype=torch.long).reshape(-1)
    answer = torch.tensor(answer_ids, dtype=torch.long).reshape(-1)
    return torch.cat([prompt, answer]), torch.cat([torch.full_like(prompt, -100), answer])
