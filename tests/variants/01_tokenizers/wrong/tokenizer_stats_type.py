def tokenizer_stats(tok, texts: list[str], unk_token: str | None) -> dict[str, float]:
    """Integer zeros on the empty paths."""
    encodings = [tok.encode(t).tokens for t in texts]
    n_tokens = sum(len(e) for e in encodings)
    n_unk = sum(1 for e in encodings for t in e if t == unk_token)
    return {"vocab_size": tok.get_vocab_size(),
            "tokens_per_text": n_tokens / len(texts) if texts else 0,
            "unk_rate": n_unk / n_tokens if n_tokens else 0}
