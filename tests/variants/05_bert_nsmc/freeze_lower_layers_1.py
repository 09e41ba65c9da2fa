def freeze_lower_layers(model, n_layers, freeze_embeddings=True):
    """Freeze by parameter name: <prefix>.embeddings.* and <prefix>.encoder.layer.<i>.* for i < n_layers."""
    prefix = model.base_model_prefix
    frozen = [f"{prefix}.encoder.layer.{i}." for i in range(n_layers)]
    if freeze_embeddings:
        frozen.append(f"{prefix}.embeddings.")
    trainable = 0
    for name, param in model.named_parameters():
        param.requires_grad = not name.startswith(tuple(frozen))
        trainable += param.numel() if param.requires_grad else 0
    return trainable
