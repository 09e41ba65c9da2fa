import re

_MARKER = re.compile(r"answer:|답:")
_LABEL = re.compile(r"positive|긍정|negative|부정")


def parse_sentiment(reply):
    """Regular expressions: the text after the last marker, then the first label word."""
    text = reply.lower()
    markers = list(_MARKER.finditer(text))
    if markers:
        text = text[markers[-1].end():]
    match = _LABEL.search(text)
    if match is None:
        return None
    return 1 if match.group() in ("positive", "긍정") else 0
