from torch import nn


def inject_lora(model, target_modules, r, alpha, dropout=0.0):
    """Wraps the targets but never freezes the rest of the model: embeddings and MLPs still train."""
    targets = [name for name, module in model.named_modules()
               if isinstance(module, nn.Linear) and name.split(".")[-1] in target_modules]
    if not targets:
        raise ValueError(f"no nn.Linear named {target_modules}")
    for name in targets:
        model.set_submodule(name, LoRALinear(model.get_submodule(name), r, alpha, dropout))
    return model
