import torch


def constrained_choice(model, tokenizer, prompts, answers):
    """Appends each answer to the caller's prompt list and pops it again, leaving the last answer behind."""
    def ids(messages, **kwargs):
        out = tokenizer.apply_chat_template(messages, tokenize=True, **kwargs)
        return list(out if isinstance(out, list) else out["input_ids"])

    model.eval()
    choices = []
    with torch.no_grad():
        for prompt in prompts:
            n = len(ids(prompt, add_generation_prompt=True))
            scores = []
            for i, answer in enumerate(answers):
                if i:
                    prompt.pop()
                prompt.append({"role": "assistant", "content": answer})
                full = torch.tensor([ids(prompt)], device=model.device)
                logp = model(full).logits[0, :-1].float().log_softmax(-1)
                scores.append(logp[n - 1:].gather(1, full[0, 1:][n - 1:, None]).sum().item())
            choices.append(max(range(len(answers)), key=lambda i: (scores[i], -i)))
    return choices
