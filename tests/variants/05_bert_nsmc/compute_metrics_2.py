def compute_metrics(eval_pred):
    """{"accuracy": ..., "f1": ...} from a 2x2 confusion matrix counted with bincount."""
    logits, labels = eval_pred
    predictions = np.argmax(logits, -1).astype(np.int64)
    counts = np.bincount(2 * np.asarray(labels, dtype=np.int64) + predictions, minlength=4)
    tn, fp, fn, tp = (int(c) for c in counts)
    denominator = 2 * tp + fp + fn
    return {"accuracy": (tp + tn) / len(predictions), "f1": 2 * tp / denominator if denominator > 0 else 0.0}
