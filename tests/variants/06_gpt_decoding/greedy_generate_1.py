import torch


def greedy_generate(model, input_ids, max_new_tokens, attention_mask=None, eos_token_id=None, pad_token_id=None):
    """Python lists for the bookkeeping, tensors only for the model call."""
    rows = [list(map(int, r)) for r in input_ids]
    masks = [[1] * len(r) for r in rows] if attention_mask is None else [list(map(int, m)) for m in attention_mask]
    fill = eos_token_id if pad_token_id is None else pad_token_id
    done = [False] * len(rows)
    for _ in range(max_new_tokens):
        ids, mask = torch.tensor(rows), torch.tensor(masks)
        pos = torch.tensor([[max(sum(m[:i + 1]) - 1, 0) for i in range(len(m))] for m in masks])
        best = model(input_ids=ids, attention_mask=mask, position_ids=pos).logits[:, -1].argmax(-1).tolist()
        for b, tok in enumerate(best):
            tok = fill if done[b] else tok
            rows[b].append(tok)
            masks[b].append(1)
            if eos_token_id is not None and tok == eos_token_id:
                done[b] = True
        if eos_token_id is not None and all(done):
            break
    return torch.tensor(rows, dtype=torch.long)
