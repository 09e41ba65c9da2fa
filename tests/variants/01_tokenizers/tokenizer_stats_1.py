from statistics import fmean


def tokenizer_stats(tok, texts: list[str], unk_token: str | None) -> dict[str, float]:
    """Vocabulary size, mean tokens per text and unknown-token rate."""
    encoded = [tok.encode(t).tokens for t in texts]
    flat = [token for tokens in encoded for token in tokens]
    return {
        "vocab_size": tok.get_vocab_size(),
        "tokens_per_text": fmean(map(len, encoded)) if encoded else 0.0,
        "unk_rate": flat.count(unk_token) / len(flat) if flat else 0.0,
    }
