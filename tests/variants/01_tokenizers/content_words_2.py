def content_words(tagged: list[tuple[str, str]], keep: set[str] | None = None) -> list[str]:
    """Words of ``tagged`` whose part-of-speech tag is in ``keep``."""
    if keep is None:
        keep = {"Noun", "Verb", "Adjective"}
    words = []
    for item in tagged:
        if item[1] in keep:
            words.append(item[0])
    return words
