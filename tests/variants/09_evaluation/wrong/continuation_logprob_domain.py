import torch


def continuation_logprob(model, tokenizer, context, continuation, max_length):
    """Moves only one trailing space (`endswith(" ")`): two spaces, a tab or a newline stay in the context."""
    if context.endswith(" "):
        context, continuation = context[:-1], " " + continuation
    context_ids = tokenizer.encode(context)
    continuation_ids = tokenizer.encode(context + continuation)[len(context_ids):]
    ids = (context_ids + continuation_ids)[-(max_length + 1):]
    with torch.no_grad():
        logits = model(torch.tensor([ids[:-1]])).logits[0]
    logprobs = torch.log_softmax(logits[-len(continuation_ids):], dim=-1)
    return float(logprobs[torch.arange(len(continuation_ids)), torch.tensor(continuation_ids)].sum())
