def cosine_similarity(u, v):
    """NumPy's result as it is (np.float64), and integer 0 for a zero vector."""
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    if nu == 0 or nv == 0:
        return 0
    return np.dot(u, v) / (nu * nv)
