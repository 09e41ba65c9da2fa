def freeze_lower_layers(model, n_layers, freeze_embeddings=True):
    """Freeze with requires_grad_ on whole modules; count what is left."""
    model.requires_grad_(True)
    model.base_model.embeddings.requires_grad_(not freeze_embeddings)
    for i, layer in enumerate(model.base_model.encoder.layer):
        if i < n_layers:
            layer.requires_grad_(False)
    return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
