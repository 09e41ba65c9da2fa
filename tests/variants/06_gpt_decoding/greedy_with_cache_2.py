import torch


def greedy_with_cache(model, input_ids, max_new_tokens, eos_token_id=None):
    """Feed the prompt first, then a loop whose model call sits at the top."""
    ids = input_ids
    feed, past = input_ids, None
    for _ in range(max_new_tokens):
        if past is None:
            out = model(input_ids=feed, use_cache=True)
        else:
            out = model(input_ids=feed, past_key_values=past, use_cache=True)
        past = out.past_key_values
        feed = torch.argmax(out.logits[:, -1, :], dim=-1, keepdim=True)
        ids = torch.cat([ids, feed], dim=-1)
        if eos_token_id is not None and feed.item() == eos_token_id:
            break
    return ids
