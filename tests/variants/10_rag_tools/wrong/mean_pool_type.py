def mean_pool(hidden, attention_mask):
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1)
    return pooled / pooled.norm(dim=-1, keepdim=True)


def top_k_cosine(query_vecs, doc_vecs, k):
    """Wrong: ids come back as int32 and scores as float64, not FAISS's int64 and float32."""
    sims = (query_vecs @ doc_vecs.T).astype(np.float64)
    ids = np.argsort(-sims, axis=1, kind="stable")[:, :k].astype(np.int32)
    return np.take_along_axis(sims, ids, axis=1), ids
