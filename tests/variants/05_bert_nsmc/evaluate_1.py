def evaluate(model, loader):
    """Mean per-example loss and accuracy: logits of all batches gathered, then one cross-entropy."""
    model.eval()
    device = next(model.parameters()).device
    all_logits, all_labels = [], []
    with torch.inference_mode():
        for batch in loader:
            inputs = {k: v.to(device) for k, v in batch.items() if k != "labels"}
            all_logits.append(model(**inputs).logits.float().cpu())
            all_labels.append(batch["labels"].cpu())
    logits, labels = torch.cat(all_logits), torch.cat(all_labels)
    return {"loss": F.cross_entropy(logits, labels).item(),
            "accuracy": (logits.argmax(dim=1) == labels).sum().item() / len(labels)}
