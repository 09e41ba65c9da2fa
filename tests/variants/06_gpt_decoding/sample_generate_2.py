import functools

import torch
import torch.nn.functional as F


def sample_generate(model, input_ids, max_new_tokens, processors=(), eos_token_id=None):
    """The processors folded with functools.reduce; the stop test before the loop goes on."""
    tokens = input_ids
    for _ in range(max_new_tokens):
        logits = model(tokens).logits[:, -1, :].float()
        logits = functools.reduce(lambda s, proc: proc(tokens, s), processors, logits)
        nxt = torch.multinomial(F.softmax(logits, dim=-1), 1)
        tokens = torch.cat([tokens, nxt], -1)
        if nxt[0, 0].item() == eos_token_id:
            return tokens
    return tokens
