def masked_mean(h, keep):
    """Zeroes the padding but divides by the padded length L instead of the number of kept positions."""
    m = keep.unsqueeze(-1).to(h.dtype)
    return (h * m).sum(dim=1) / h.size(1)
