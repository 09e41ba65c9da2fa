import heapq
import math

import torch


def beam_search(model, input_ids, num_beams, max_new_tokens, eos_token_id, length_penalty=1.0, early_stopping=True):
    """Candidates ranked in Python; the pool kept with heapq.nlargest."""
    live = [(0.0, tuple(input_ids[0].tolist()))]
    pool = []
    for step in range(1, max_new_tokens + 1):
        batch = torch.tensor([seq for _, seq in live])
        logp = torch.log_softmax(model(input_ids=batch).logits[:, -1].float(), dim=-1)
        flat = (torch.tensor([s for s, _ in live]).unsqueeze(1) + logp).flatten()
        values, indices = flat.topk(2 * num_beams)
        width = logp.shape[-1]
        nxt = []
        for rank, (value, index) in enumerate(zip(values.tolist(), indices.tolist())):
            seq = live[index // width][1] + (index % width,)
            ends = index % width == eos_token_id or step == max_new_tokens
            if ends and rank < num_beams:
                pool.append((value / math.pow(step, length_penalty), rank, step, seq))
            elif not ends and len(nxt) < num_beams:
                nxt.append((value, seq))
        pool = heapq.nlargest(num_beams, pool, key=lambda h: h[0])
        live = nxt
        full = len(pool) >= num_beams
        if full and live and (early_stopping is True or live[0][0] / math.pow(step, length_penalty) <= pool[-1][0]):
            break
    return torch.tensor([list(pool[0][3])], dtype=torch.long)
