import torch


def continuation_logprob(model, tokenizer, context, continuation, max_length):
    """Keeps the last `max_length` tokens before dropping the last one, so a long input loses one more context token."""
    spaces = len(context) - len(context.rstrip())
    if spaces:
        context, continuation = context[:-spaces], context[-spaces:] + continuation
    context_ids = tokenizer.encode(context)
    continuation_ids = tokenizer.encode(context + continuation)[len(context_ids):]
    ids = (context_ids + continuation_ids)[-max_length:]
    with torch.no_grad():
        logits = model(torch.tensor([ids[:-1]])).logits[0]
    logprobs = torch.log_softmax(logits[-len(continuation_ids):], dim=-1)
    return float(logprobs[torch.arange(len(continuation_ids)), torch.tensor(continuation_ids)].sum())
