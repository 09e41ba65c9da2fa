import numpy as np


def cosine_similarity(u, v):
    """Cosine of the angle between u and v: normalise each, then take the dot product."""
    a, b = np.array(u, dtype=float), np.array(v, dtype=float)
    if not a.any() or not b.any():
        return 0.0
    a /= np.sqrt(np.dot(a, a))
    b /= np.sqrt(np.dot(b, b))
    return float(np.clip(np.dot(a, b), -1.0, 1.0))
