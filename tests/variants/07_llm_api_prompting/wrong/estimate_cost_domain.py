def estimate_cost(messages, prices, output_tokens=0, encoding_name="o200k_base"):
    """Counts every role as one token, as for system, user and assistant."""
    enc = tiktoken.get_encoding(encoding_name)
    n = 3 + sum(3 + 1 + len(enc.encode(m["content"], disallowed_special=())) for m in messages)
    return n, (n * prices["input"] + output_tokens * prices["output"]) / 1e6
