def positional_encoding(seq_len, d_model, n=10000.0):
    """Sinusoidal positional encoding, a float32 tensor of shape (seq_len, d_model)."""
    table = np.zeros((seq_len, d_model))
    for k in range(seq_len):
        for i in range(d_model // 2):
            angle = k / n ** (2 * i / d_model)
            table[k, 2 * i], table[k, 2 * i + 1] = np.sin(angle), np.cos(angle)
    return torch.from_numpy(table).to(torch.float32)
