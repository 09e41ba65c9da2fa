def train_step(model, batch, optimizer, scheduler=None, max_grad_norm=1.0):
    """One optimisation step; gradients zeroed first, clipping over the optimizer's parameters."""
    optimizer.zero_grad(set_to_none=False)
    model.train()
    outputs = model(**batch)
    outputs["loss"].backward()
    if max_grad_norm is not None:
        params = [p for group in optimizer.param_groups for p in group["params"]]
        torch.nn.utils.clip_grad_norm_(params, max_norm=max_grad_norm)
    optimizer.step()
    if scheduler:
        scheduler.step()
    return float(outputs["loss"].detach())
