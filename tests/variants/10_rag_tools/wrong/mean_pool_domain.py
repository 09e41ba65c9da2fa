def mean_pool(hidden, attention_mask):
    """Wrong: the mean over every position, padding included."""
    pooled = hidden.mean(dim=1)
    return pooled / pooled.norm(dim=-1, keepdim=True)


def top_k_cosine(query_vecs, doc_vecs, k):
    sims = query_vecs @ doc_vecs.T
    ids = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, ids, axis=1).astype(np.float32), ids.astype(np.int64)
