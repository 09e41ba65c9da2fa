def content_words(tagged: list[tuple[str, str]],
                  keep: set[str] = frozenset({"Noun", "Verb", "Adjective"})) -> list[str]:
    """Words of ``tagged`` whose part-of-speech tag is in ``keep``."""
    return list(map(lambda wt: wt[0], filter(lambda wt: wt[1] in keep, tagged)))
