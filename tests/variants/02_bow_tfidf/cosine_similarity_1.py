import math


def cosine_similarity(u, v):
    """Cosine of the angle between u and v in plain Python; 0.0 when either is all zeros."""
    u = [float(x) for x in u]
    v = [float(x) for x in v]
    norm_u = math.sqrt(math.fsum(x * x for x in u))
    norm_v = math.sqrt(math.fsum(y * y for y in v))
    if not any(u) or not any(v):
        return 0.0
    return math.fsum(x * y for x, y in zip(u, v)) / (norm_u * norm_v)
