def apply_temperature(logits, temperature):
    """Rejects 0 only: a negative temperature flips the distribution without an error."""
    if temperature == 0:
        raise ValueError("temperature must not be 0")
    return logits / temperature
