def apply_temperature(logits, temperature):
    """Multiply by the inverse; reject with an explicit comparison."""
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    return logits * (1.0 / temperature) if temperature != 1 else logits.clone()
