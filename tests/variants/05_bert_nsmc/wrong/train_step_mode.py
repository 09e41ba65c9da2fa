def train_step(model, batch, optimizer, scheduler=None, max_grad_norm=1.0):
    """Never calls model.train(): a model left in eval mode trains without dropout."""
    optimizer.zero_grad()
    loss = model(**batch).loss
    loss.backward()
    if max_grad_norm is not None:
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
