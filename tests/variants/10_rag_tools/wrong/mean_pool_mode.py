def mean_pool(hidden, attention_mask):
    """Wrong: zeroes the padding in the caller's tensor (an in-place multiply), so the input changes."""
    hidden *= attention_mask.unsqueeze(-1).to(hidden.dtype)
    pooled = hidden.sum(dim=1) / attention_mask.sum(dim=1, keepdim=True).to(hidden.dtype)
    return pooled / pooled.norm(dim=-1, keepdim=True)


def top_k_cosine(query_vecs, doc_vecs, k):
    sims = query_vecs @ doc_vecs.T
    ids = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, ids, axis=1).astype(np.float32), ids.astype(np.int64)
