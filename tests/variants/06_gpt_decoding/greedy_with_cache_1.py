import torch


def greedy_with_cache(model, input_ids, max_new_tokens, eos_token_id=None):
    """A list of new tokens; the cache carried in a variable of its own."""
    out = model(input_ids=input_ids, use_cache=True)
    cache, new = out.past_key_values, []
    token = out.logits[0, -1].argmax().item()
    while True:
        new.append(token)
        if token == eos_token_id or len(new) == max_new_tokens:
            break
        out = model(input_ids=torch.tensor([[token]]), past_key_values=cache, use_cache=True)
        cache = out.past_key_values
        token = out.logits[0, -1].argmax().item()
    return torch.cat([input_ids, torch.tensor([new], dtype=input_ids.dtype)], dim=1)
