def compute_metrics(eval_pred):
    """NumPy sums and means as they come: np.float64 values (a float subclass), not Python floats."""
    logits, labels = eval_pred
    preds = np.argmax(logits, axis=-1)
    tp = np.sum((preds == 1) & (labels == 1))
    fp = np.sum((preds == 1) & (labels == 0))
    fn = np.sum((preds == 0) & (labels == 1))
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn > 0 else np.float64(0.0)
    return {"accuracy": np.mean(preds == labels), "f1": f1}
