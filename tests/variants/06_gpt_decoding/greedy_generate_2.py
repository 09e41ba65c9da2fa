import torch


def greedy_generate(model, input_ids, max_new_tokens, attention_mask=None, eos_token_id=None, pad_token_id=None):
    """Preallocated output, unfinished flags as a float tensor multiplied in, as generate does."""
    batch, length = input_ids.shape
    out = torch.empty(batch, length + max_new_tokens, dtype=torch.long)
    out[:, :length] = input_ids
    mask = torch.ones(batch, length + max_new_tokens, dtype=torch.long)
    if attention_mask is not None:
        mask[:, :length] = attention_mask
    pad = pad_token_id if pad_token_id is not None else eos_token_id
    unfinished = torch.ones(batch, dtype=torch.long)
    cur = length
    while cur < length + max_new_tokens:
        m = mask[:, :cur]
        pos = m.cumsum(-1) - 1
        pos = torch.where(pos < 0, torch.zeros_like(pos), pos)
        nxt = torch.argmax(model(input_ids=out[:, :cur], attention_mask=m, position_ids=pos).logits[:, -1, :], dim=-1)
        if eos_token_id is not None:
            nxt = nxt * unfinished + pad * (1 - unfinished)
            unfinished = unfinished * (nxt != eos_token_id).long()
        out[:, cur] = nxt
        cur += 1
        if eos_token_id is not None and unfinished.max() == 0:
            break
    return out[:, :cur]
