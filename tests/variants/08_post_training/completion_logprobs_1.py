import torch


def completion_logprobs(model, input_ids, attention_mask, completion_mask):
    """Labels with -100 outside the completion and cross-entropy per token."""
    positions = torch.clamp(torch.cumsum(attention_mask, dim=-1) - 1, min=0)
    logits = model(input_ids=input_ids, attention_mask=attention_mask, position_ids=positions).logits
    labels = input_ids.masked_fill(completion_mask == 0, -100)[:, 1:]
    nll = torch.nn.functional.cross_entropy(logits[:, :-1].float().transpose(1, 2), labels, ignore_index=-100,
                                            reduction="none")
    return -nll.sum(dim=1)
