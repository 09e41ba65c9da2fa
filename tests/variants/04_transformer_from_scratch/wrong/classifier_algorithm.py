class TransformerClassifier(nn.Module):
    def __init__(self, vocab_size, n_classes, d_model, n_heads, d_ff, n_layers, max_len, dropout=0.1, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.encoder = TransformerEncoder(vocab_size, d_model, n_heads, d_ff, n_layers, max_len, dropout, pad_id)
        self.classifier = nn.Linear(d_model, n_classes)

    def forward(self, ids):
        """Averages the encoder states over every position, padding included (no masked_mean)."""
        h, _ = self.encoder(ids)
        return self.classifier(h.mean(dim=1))
