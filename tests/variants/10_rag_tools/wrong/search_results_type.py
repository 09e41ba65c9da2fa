def search_results(ranked, scores, chunks, k, max_chars):
    """Wrong: the score stays a NumPy float (and the rank of a NumPy array stays as it is), so json.dumps fails."""
    results = []
    for rank, (i, score) in enumerate(zip(ranked[:k], scores[:k]), start=1):
        chunk = chunks[i]
        results.append({"rank": rank, "id": chunk["id"], "cell": chunk["cell"], "lab": chunk["lab"],
                        "lang": chunk["lang"], "score": score, "text": chunk["text"][:max_chars]})
    return results
