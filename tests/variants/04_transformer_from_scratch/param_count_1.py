def transformer_param_count(vocab_size, d_model, n_heads, d_ff, n_layers, n_classes):
    """Number of parameters of TransformerClassifier(vocab_size, n_classes, d_model, n_heads, d_ff, n_layers, ...)."""
    linear = lambda n_in, n_out: n_in * n_out + n_out  # noqa: E731  (weight and bias)
    layer = 4 * linear(d_model, d_model) + linear(d_model, d_ff) + linear(d_ff, d_model) + 2 * (2 * d_model)
    return sum([vocab_size * d_model, n_layers * layer, linear(d_model, n_classes)])
