def train_step(model, batch, optimizer, scheduler=None, max_grad_norm=1.0):
    """One optimisation step with the gradient norm clipped by hand."""
    model.train(True)
    loss = model(**dict(batch)).loss
    for p in model.parameters():
        p.grad = None
    loss.backward()
    if max_grad_norm is not None:
        grads = [p.grad for p in model.parameters() if p.grad is not None]
        total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        scale = torch.clamp(max_grad_norm / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(scale)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
