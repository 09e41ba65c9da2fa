def parse_sentiment(reply):
    """Scan position by position for the first label word after the last marker."""
    low = reply.lower()
    start = 0
    for i in range(len(low)):
        if low.startswith("answer:", i) or low.startswith("답:", i):
            start = i
    words = {"positive": 1, "긍정": 1, "negative": 0, "부정": 0}
    for i in range(start, len(low)):
        for word, label in words.items():
            if low.startswith(word, i):
                return label
    return None
