def evaluate(model, loader):
    """Forgets .item() on the loss: returns a tensor where a Python float is asked for."""
    model.eval()
    device = next(model.parameters()).device
    loss_sum, hits, n = 0.0, 0, 0
    with torch.no_grad():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            out = model(**batch)
            size = len(batch["labels"])
            loss_sum = loss_sum + out.loss * size
            hits += (out.logits.argmax(dim=-1) == batch["labels"]).sum().item()
            n += size
    return {"loss": loss_sum / n, "accuracy": hits / n}
