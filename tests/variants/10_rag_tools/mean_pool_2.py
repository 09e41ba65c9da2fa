def mean_pool(hidden, attention_mask):
    """Row by row: average the kept positions, divide by the norm."""
    rows = []
    for h, m in zip(hidden, attention_mask):
        mean = h[m.bool()].mean(dim=0)
        rows.append(mean / torch.linalg.vector_norm(mean))
    return torch.stack(rows)


def top_k_cosine(query_vecs, doc_vecs, k):
    """Python sort per query on (-score, id)."""
    scores, ids = [], []
    for q in query_vecs:
        sims = doc_vecs @ q
        order = sorted(range(len(sims)), key=lambda i: (-sims[i], i))[:k]
        ids.append(order)
        scores.append([sims[i] for i in order])
    return np.array(scores, dtype=np.float32), np.array(ids, dtype=np.int64)
