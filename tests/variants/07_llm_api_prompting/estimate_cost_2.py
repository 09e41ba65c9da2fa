import tiktoken as tk

PER_MESSAGE, REPLY_PRIMING = 3, 3


def estimate_cost(messages, prices, output_tokens=0, encoding_name="o200k_base"):
    """Token count by the cookbook rule, then the price per million tokens."""
    enc = tk.get_encoding(encoding_name)
    total = REPLY_PRIMING
    for msg in messages:
        total = total + PER_MESSAGE
        total += len(enc.encode(msg["role"], allowed_special=set(), disallowed_special=()))
        total += len(enc.encode(msg["content"], allowed_special=set(), disallowed_special=()))
    dollars = total / 1_000_000 * prices["input"] + output_tokens / 1_000_000 * prices["output"]
    return (int(total), float(dollars))
