from torch import nn


def inject_lora(model, target_modules, r, alpha, dropout=0.0):
    """Walks the children recursively; collects first, then replaces."""
    model.requires_grad_(False)
    found = []

    def walk(module):
        for name, child in module.named_children():
            if isinstance(child, nn.Linear) and name in set(target_modules):
                found.append((module, name, child))
            else:
                walk(child)

    walk(model)
    if len(found) == 0:
        raise ValueError("no target module found")
    for parent, name, child in found:
        setattr(parent, name, LoRALinear(child, r=r, alpha=alpha, dropout=dropout))
    return model
