import torch
import torch.nn.functional as F


def beam_search(model, input_ids, num_beams, max_new_tokens, eos_token_id, length_penalty=1.0, early_stopping=True):
    """Tensors for the live beams; the finished pool as a list sorted after each step."""
    beams = input_ids.clone()
    beam_scores = torch.zeros(1)
    finished = []
    for step in range(1, max_new_tokens + 1):
        logp = F.log_softmax(model(beams).logits[:, -1, :].float(), dim=-1)
        total = (beam_scores[:, None] + logp).reshape(-1)
        top_scores, top_idx = torch.topk(total, 2 * num_beams)
        vocab = logp.shape[1]
        keep_rows, keep_scores = [], []
        for rank in range(2 * num_beams):
            origin, token = int(top_idx[rank]) // vocab, int(top_idx[rank]) % vocab
            row = torch.cat([beams[origin], torch.tensor([token])])
            if token == eos_token_id or step == max_new_tokens:
                if rank < num_beams:
                    finished.append((float(top_scores[rank]) / (step ** length_penalty), row))
            elif len(keep_rows) < num_beams:
                keep_rows.append(row)
                keep_scores.append(float(top_scores[rank]))
        finished.sort(key=lambda item: -item[0])
        del finished[num_beams:]
        if keep_rows:
            beams, beam_scores = torch.stack(keep_rows), torch.tensor(keep_scores)
        if len(finished) == num_beams:
            if early_stopping:
                break
            if beam_scores[0].item() / (step ** length_penalty) <= finished[-1][0]:
                break
    return finished[0][1].unsqueeze(0)
