def sft_example(tokenizer, prompt, answer):
    """Shifts the labels by one here (the loss shifts them again): every label is the next token's."""
    def ids(messages, **kwargs):
        out = tokenizer.apply_chat_template(messages, tokenize=True, **kwargs)
        return list(out if isinstance(out, list) else out["input_ids"])

    input_ids = ids(prompt + [{"role": "assistant", "content": answer}])
    n_prompt = len(ids(prompt, add_generation_prompt=True))
    labels = [-100] * n_prompt + input_ids[n_prompt:]
    return input_ids, labels[1:] + [-100]
