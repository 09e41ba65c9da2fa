from sklearn.metrics import accuracy_score, f1_score


def compute_metrics(eval_pred):
    """{"accuracy": ..., "f1": ...} from the Trainer's (logits, labels), with scikit-learn."""
    logits, labels = eval_pred
    predictions = logits.argmax(axis=-1)
    return {
        "accuracy": float(accuracy_score(labels, predictions)),
        "f1": float(f1_score(labels, predictions, pos_label=1, zero_division=0.0)),
    }
