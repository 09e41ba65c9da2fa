import tiktoken


def estimate_cost(messages, prices, output_tokens=0, encoding_name="o200k_base"):
    """(input tokens, cost in USD) of a Chat Completions request."""
    encoding = tiktoken.get_encoding(encoding_name)

    def count(text):
        return len(encoding.encode_ordinary(text))  # special-looking text is ordinary text

    n = 3 + sum(3 + count(m["role"]) + count(m["content"]) for m in messages)
    return n, n * prices["input"] / 1e6 + output_tokens * prices["output"] / 1e6
