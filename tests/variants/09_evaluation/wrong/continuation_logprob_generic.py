import torch


def continuation_logprob(model, tokenizer, context, continuation, max_length):
    """Averages the continuation's token log-probabilities instead of summing them."""
    spaces = len(context) - len(context.rstrip())
    if spaces:
        context, continuation = context[:-spaces], context[-spaces:] + continuation
    context_ids = tokenizer.encode(context)
    continuation_ids = tokenizer.encode(context + continuation)[len(context_ids):]
    ids = (context_ids + continuation_ids)[-(max_length + 1):]
    with torch.no_grad():
        logits = model(torch.tensor([ids[:-1]])).logits[0]
    logprobs = torch.log_softmax(logits[-len(continuation_ids):], dim=-1)
    return float(logprobs[torch.arange(len(continuation_ids)), torch.tensor(continuation_ids)].mean())
