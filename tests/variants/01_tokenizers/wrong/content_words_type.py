def content_words(tagged, keep=frozenset({"Noun", "Verb", "Adjective"})):
    """Filters the right tags but returns the (word, tag) pairs instead of the words."""
    return [(word, tag) for word, tag in tagged if tag in keep]
