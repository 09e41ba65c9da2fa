def bert_param_count(vocab_size, hidden, n_layers, intermediate, max_position=512, type_vocab=2):
    """Counts the embeddings and the encoder layers but leaves out the pooler (H^2 + H)."""
    embeddings = (vocab_size + max_position + type_vocab) * hidden + 2 * hidden
    attention = 4 * (hidden * hidden + hidden)
    feed_forward = hidden * intermediate + intermediate + intermediate * hidden + hidden
    layer = attention + feed_forward + 2 * 2 * hidden
    return int(embeddings + n_layers * layer)
