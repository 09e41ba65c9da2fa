import torch


def continuation_logprob(model, tokenizer, context, continuation, max_length):
    """Encodes the continuation alone (no special tokens): where the boundary cuts a word, its tokens are not lm-eval's
    `whole[len(context_ids):]`."""
    spaces = len(context) - len(context.rstrip())
    if spaces:
        context, continuation = context[:-spaces], context[-spaces:] + continuation
    context_ids = tokenizer.encode(context)
    continuation_ids = tokenizer.encode(continuation, add_special_tokens=False)
    ids = (context_ids + continuation_ids)[-(max_length + 1):]
    with torch.no_grad():
        logits = model(torch.tensor([ids[:-1]])).logits[0]
    logprobs = torch.log_softmax(logits[-len(continuation_ids):], dim=-1)
    return float(logprobs[torch.arange(len(continuation_ids)), torch.tensor(continuation_ids)].sum())
