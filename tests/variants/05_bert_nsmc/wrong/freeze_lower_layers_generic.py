def freeze_lower_layers(model, n_layers, freeze_embeddings=True):
    """model.bert instead of model.base_model: only BertFor... models have it."""
    for p in model.parameters():
        p.requires_grad = True
    if freeze_embeddings:
        for p in model.bert.embeddings.parameters():
            p.requires_grad = False
    for layer in model.bert.encoder.layer[:n_layers]:
        for p in layer.parameters():
            p.requires_grad = False
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
