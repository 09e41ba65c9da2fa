def transformer_param_count(vocab_size, d_model, n_heads, d_ff, n_layers, n_classes):
    """Right count, summed with NumPy: an np.int64, not a Python int."""
    per_layer = [4 * (d_model * d_model + d_model), d_model * d_ff + d_ff, d_ff * d_model + d_model, 4 * d_model]
    parts = [vocab_size * d_model, n_layers * np.sum(per_layer), d_model * n_classes + n_classes]
    return np.sum(parts)
