def parse_sentiment(reply):
    """Looks for the "Answer:" marker in its usual letter case only."""
    text = reply
    marker = max(text.rfind("Answer:"), text.rfind("답:"))
    if marker >= 0:
        text = text[marker:]
    text = text.lower()
    hits = [(text.find(w), lab) for w, lab in (("positive", 1), ("긍정", 1), ("negative", 0), ("부정", 0)) if w in text]
    return min(hits)[1] if hits else None
