def evaluate(model, loader):
    """Mean per-example loss and accuracy, summing per-example losses batch by batch."""
    model.eval()
    device = next(model.parameters()).device
    loss_sum, hits, seen = 0.0, 0, 0
    for batch in loader:
        batch = {name: tensor.to(device) for name, tensor in batch.items()}
        with torch.no_grad():
            logits = model(**batch).logits
        loss_sum += F.cross_entropy(logits, batch["labels"], reduction="sum").item()
        hits += int((logits.argmax(-1) == batch["labels"]).sum())
        seen += len(batch["labels"])
    return {"loss": float(loss_sum / seen), "accuracy": float(hits / seen)}
