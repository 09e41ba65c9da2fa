def search_results(ranked, scores, chunks, k, max_chars):
    """Through NumPy's tolist(), which gives plain Python numbers."""
    ranked_list = np.asarray(ranked).tolist()[:k]
    score_list = np.asarray(scores, dtype=np.float64).tolist()[:k]
    out = []
    for n, (i, s) in enumerate(zip(ranked_list, score_list)):
        c = chunks[i]
        out.append({"rank": n + 1, "id": c["id"], "cell": c["cell"], "lab": c["lab"], "lang": c["lang"],
                    "score": s, "text": c["text"][:max_chars]})
    return out
