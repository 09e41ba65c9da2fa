def freeze_lower_layers(model, n_layers, freeze_embeddings=True):
    """Matches layer names without the trailing dot: "encoder.layer.1" also freezes layers 10 to 19."""
    prefixes = [f"encoder.layer.{i}" for i in range(n_layers)]
    if freeze_embeddings:
        prefixes.append("embeddings")
    for name, p in model.base_model.named_parameters():
        p.requires_grad = not any(name.startswith(prefix) for prefix in prefixes)
    for name, p in model.named_parameters():
        if not name.startswith(model.base_model_prefix + "."):
            p.requires_grad = True
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
