import torch
import torch.nn.functional as F


def _ids(tokenizer, messages, **kw):
    out = tokenizer.apply_chat_template(messages, **kw)
    return out if isinstance(out, list) else out["input_ids"]


@torch.no_grad()
def constrained_choice(model, tokenizer, prompts, answers):
    """Cross-entropy with -100 labels on the prompt, times the number of answer tokens."""
    model.eval()
    choices = []
    for prompt in prompts:
        n = len(_ids(tokenizer, prompt, add_generation_prompt=True))
        best, best_score = None, None
        for k, answer in enumerate(answers):
            ids = torch.tensor([_ids(tokenizer, prompt + [{"role": "assistant", "content": answer}])]).to(model.device)
            logits = model(ids).logits[0, :-1].float()
            targets = ids[0, 1:].clone()
            targets[: n - 1] = -100
            score = -F.cross_entropy(logits, targets, ignore_index=-100, reduction="sum").item()
            if best_score is None or score > best_score:
                best, best_score = k, score
        choices.append(best)
    return choices
