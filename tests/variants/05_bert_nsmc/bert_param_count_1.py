def bert_param_count(vocab_size, hidden, n_layers, intermediate, max_position=512, type_vocab=2):
    """Parameters of a BertModel (embeddings, encoder layers, pooler), as an int."""

    def linear(n_in, n_out):
        return n_in * n_out + n_out

    def layer_norm(n):
        return 2 * n

    total = (vocab_size + max_position + type_vocab) * hidden + layer_norm(hidden)
    for _ in range(n_layers):
        total += 4 * linear(hidden, hidden) + layer_norm(hidden)  # Q, K, V, O and the attention's Add & Norm
        total += linear(hidden, intermediate) + linear(intermediate, hidden) + layer_norm(hidden)
    total += linear(hidden, hidden)  # pooler
    return total
