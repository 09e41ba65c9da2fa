class TransformerClassifier(nn.Module):
    def __init__(self, vocab_size, n_classes, d_model, n_heads, d_ff, n_layers, max_len, dropout=0.1, pad_id=0):
        super().__init__()
        args = (vocab_size, d_model, n_heads, d_ff, n_layers, max_len, dropout, pad_id)
        self.encoder = TransformerEncoder(*args)
        self.classifier = nn.Linear(in_features=d_model, out_features=n_classes, bias=True)
        self.pad = pad_id

    def forward(self, ids):
        """(B, L) token ids -> logits (B, n_classes)."""
        return self.classifier(masked_mean(self.encoder(ids)[0], ids != self.pad))
