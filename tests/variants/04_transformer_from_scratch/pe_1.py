def positional_encoding(seq_len, d_model, n=10000.0):
    """Sinusoidal positional encoding, a float32 tensor of shape (seq_len, d_model)."""
    position = torch.arange(seq_len, dtype=torch.float32).unsqueeze(1)
    frequency = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(n) / d_model))
    pe = torch.empty(seq_len, d_model)
    pe[:, 0::2] = torch.sin(position * frequency)
    pe[:, 1::2] = torch.cos(position * frequency)
    return pe
