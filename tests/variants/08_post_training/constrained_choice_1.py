import torch


def constrained_choice(model, tokenizer, prompts, answers):
    """All answers of one prompt in one right-padded batch; argmax with numpy-style first-max tie-break."""
    model.eval()
    out = []
    for prompt in prompts:
        n = len(tokenizer.apply_chat_template(prompt, add_generation_prompt=True, return_dict=True)["input_ids"])
        seqs = [tokenizer.apply_chat_template(prompt + [{"role": "assistant", "content": a}],
                                              return_dict=True)["input_ids"] for a in answers]
        width = max(map(len, seqs))
        ids = torch.zeros(len(seqs), width, dtype=torch.long)
        mask = torch.zeros(len(seqs), width, dtype=torch.long)
        for i, s in enumerate(seqs):
            ids[i, :len(s)] = torch.tensor(s)
            mask[i, :len(s)] = 1
        with torch.no_grad():
            logits = model(input_ids=ids.to(model.device), attention_mask=mask.to(model.device)).logits.float()
        logp = torch.log_softmax(logits[:, :-1], -1).gather(-1, ids[:, 1:, None].to(model.device)).squeeze(-1).cpu()
        keep = mask[:, 1:].clone()
        keep[:, : n - 1] = 0
        scores = (logp * keep).sum(1)
        best = 0
        for i in range(1, len(answers)):
            if scores[i] > scores[best]:
                best = i
        out.append(best)
    return out
