import torch


def greedy_with_cache(model, input_ids, max_new_tokens, eos_token_id=None):
    """Right tokens, but calls the model once more after choosing the last token (a wasted forward pass per text)."""
    out = model(input_ids=input_ids, use_cache=True)
    ids = input_ids
    for _ in range(max_new_tokens):
        next_id = out.logits[:, -1].argmax(-1, keepdim=True)
        ids = torch.cat([ids, next_id], dim=-1)
        out = model(input_ids=next_id, past_key_values=out.past_key_values, use_cache=True)
        if eos_token_id is not None and int(next_id) == eos_token_id:
            break
    return ids
