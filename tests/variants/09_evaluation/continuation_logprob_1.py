import torch
import torch.nn.functional as F


def continuation_logprob(model, tokenizer, context, continuation, max_length):
    """Cross-entropy over the continuation's positions, summed and negated."""
    stripped = context.rstrip()
    continuation = context[len(stripped):] + continuation
    context = stripped
    n_context = len(tokenizer.encode(context))
    target = tokenizer.encode(context + continuation)[n_context:]
    full = tokenizer.encode(context)[:n_context] + target
    full = full[len(full) - min(len(full), max_length + 1):]
    inputs = torch.tensor(full[:-1], device=model.device).unsqueeze(0)
    with torch.inference_mode():
        logits = model(inputs).logits.squeeze(0).double()
    picked = logits[logits.shape[0] - len(target):]
    return -F.cross_entropy(picked.cpu(), torch.tensor(target), reduction="sum").item()
