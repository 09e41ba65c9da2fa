import torch


def sample_generate(model, input_ids, max_new_tokens, processors=(), eos_token_id=None):
    """A while loop that counts the tokens made."""
    ids = input_ids.clone()
    made = 0
    while made < max_new_tokens:
        scores = model(input_ids=ids).logits[:, -1, :].to(torch.float32)
        for proc in list(processors):
            scores = proc(ids, scores)
        token = torch.multinomial(torch.softmax(scores, dim=-1), num_samples=1)
        ids = torch.cat((ids, token), dim=1)
        made += 1
        if eos_token_id is not None and token.item() == eos_token_id:
            break
    return ids
