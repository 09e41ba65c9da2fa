def transformer_param_count(vocab_size, d_model, n_heads, d_ff, n_layers, n_classes):
    """Number of parameters of TransformerClassifier(vocab_size, n_classes, d_model, n_heads, d_ff, n_layers, ...)."""
    per_layer = 4 * d_model**2 + 2 * d_model * d_ff + 9 * d_model + d_ff
    return int(vocab_size * d_model + n_layers * per_layer + (d_model + 1) * n_classes)
