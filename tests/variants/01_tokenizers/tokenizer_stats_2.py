def tokenizer_stats(tok, texts: list[str], unk_token: str | None) -> dict[str, float]:
    """Vocabulary size, mean tokens per text and unknown-token rate."""
    stats = {"vocab_size": tok.get_vocab_size(), "tokens_per_text": 0.0, "unk_rate": 0.0}
    n_texts = n_tokens = n_unk = 0
    for text in texts:
        n_texts += 1
        for token in tok.encode(text).tokens:
            n_tokens += 1
            if unk_token is not None and token == unk_token:
                n_unk += 1
    if n_texts:
        stats["tokens_per_text"] = n_tokens / n_texts
    if n_tokens:
        stats["unk_rate"] = n_unk / n_tokens
    return stats
