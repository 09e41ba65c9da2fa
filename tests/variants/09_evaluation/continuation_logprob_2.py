import math

import torch


def continuation_logprob(model, tokenizer, context, continuation, max_length):
    """A loop over the continuation's tokens, one log-softmax row at a time."""
    while context and context[-1].isspace():
        continuation = context[-1] + continuation
        context = context[:-1]
    ctx = tokenizer.encode(context)
    cont = tokenizer.encode(context + continuation)[len(ctx):]
    seq = ctx + cont
    if len(seq) > max_length + 1:
        seq = seq[-(max_length + 1):]
    with torch.no_grad():
        out = model(input_ids=torch.tensor([seq[:-1]], device=model.device)).logits[0].cpu()
    total = 0.0
    start = out.shape[0] - len(cont)
    for j, token in enumerate(cont):
        row = torch.log_softmax(out[start + j], dim=0)
        total += row[token].item()
    return float(total) if math.isfinite(total) else total
