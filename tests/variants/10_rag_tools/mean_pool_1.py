def mean_pool(hidden, attention_mask):
    """einsum for the masked sum, F.normalize for the unit length."""
    mask = attention_mask.to(hidden.dtype)
    summed = torch.einsum("bsd,bs->bd", hidden, mask)
    return torch.nn.functional.normalize(summed / mask.sum(dim=1, keepdim=True), dim=-1)


def top_k_cosine(query_vecs, doc_vecs, k):
    """lexsort on (id, -score): the smaller id first among equal scores."""
    sims = (query_vecs @ doc_vecs.T).astype(np.float32)
    ids = np.empty((len(sims), k), dtype=np.int64)
    for row, s in enumerate(sims):
        ids[row] = np.lexsort((np.arange(len(s)), -s))[:k]
    return np.take_along_axis(sims, ids, axis=1), ids
