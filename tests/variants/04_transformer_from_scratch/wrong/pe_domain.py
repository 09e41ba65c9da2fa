import torch


def positional_encoding(seq_len, d_model, n=10000.0):
    """Uses the column pair index i instead of 2i in the exponent: n ** (i / d_model), wavelengths too short."""
    k = torch.arange(seq_len, dtype=torch.float64)[:, None]
    i = torch.arange(d_model // 2, dtype=torch.float64)[None, :]
    angle = k / n ** (i / d_model)
    pe = torch.zeros(seq_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle)
    return pe.float()
