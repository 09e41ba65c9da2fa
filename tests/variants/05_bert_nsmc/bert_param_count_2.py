import math


def bert_param_count(vocab_size, hidden, n_layers, intermediate, max_position=512, type_vocab=2):
    """Parameters of a BertModel (embeddings, encoder layers, pooler), as an int."""
    embedding_shapes = [(vocab_size, hidden), (max_position, hidden), (type_vocab, hidden), (hidden,), (hidden,)]
    layer_shapes = [(hidden, hidden), (hidden,)] * 4 + [(hidden,), (hidden,)]
    layer_shapes += [(intermediate, hidden), (intermediate,), (hidden, intermediate), (hidden,), (hidden,), (hidden,)]
    pooler_shapes = [(hidden, hidden), (hidden,)]
    size = sum(math.prod(s) for s in embedding_shapes + pooler_shapes)
    return size + n_layers * sum(math.prod(s) for s in layer_shapes)
