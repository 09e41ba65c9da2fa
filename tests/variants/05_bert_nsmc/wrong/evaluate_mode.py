def evaluate(model, loader):
    """model.eval() but no torch.no_grad(): the values are right, autograd records every batch."""
    model.eval()
    device = next(model.parameters()).device
    loss_sum, hits, n = 0.0, 0, 0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        size = len(batch["labels"])
        loss_sum += out.loss.item() * size
        hits += (out.logits.argmax(dim=-1) == batch["labels"]).sum().item()
        n += size
    return {"loss": loss_sum / n, "accuracy": hits / n}
