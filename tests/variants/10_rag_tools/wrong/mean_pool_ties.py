def mean_pool(hidden, attention_mask):
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1)
    return pooled / pooled.norm(dim=-1, keepdim=True)


def top_k_cosine(query_vecs, doc_vecs, k):
    """Wrong: ascending sort reversed, so among equal scores the larger id comes first."""
    sims = query_vecs @ doc_vecs.T
    ids = np.argsort(sims, axis=1, kind="stable")[:, ::-1][:, :k]
    return np.take_along_axis(sims, ids, axis=1).astype(np.float32), ids.astype(np.int64)
