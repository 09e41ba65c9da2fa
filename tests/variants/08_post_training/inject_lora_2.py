import torch


def inject_lora(model, target_modules, r, alpha, dropout=0.0):
    """Names matched with endswith on the dotted path; parents found by walking the path."""
    for parameter in model.parameters():
        parameter.requires_grad = False
    names = [n for n, m in model.named_modules()
             if type(m) is torch.nn.Linear and any(n == t or n.endswith("." + t) for t in target_modules)]
    if not names:
        raise ValueError("nothing to wrap")
    for name in names:
        *path, last = name.split(".")
        parent = model
        for part in path:
            parent = getattr(parent, part)
        setattr(parent, last, LoRALinear(getattr(parent, last), r, alpha, dropout))
    return model
