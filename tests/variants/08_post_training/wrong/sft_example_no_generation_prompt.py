def sft_example(tokenizer, prompt, answer):
    """The prompt's length without the generation prompt: the template's '감성:' tokens are trained on too."""
    def ids(messages, **kwargs):
        out = tokenizer.apply_chat_template(messages, tokenize=True, **kwargs)
        return list(out if isinstance(out, list) else out["input_ids"])

    input_ids = ids(prompt + [{"role": "assistant", "content": answer}])
    n_prompt = len(ids(prompt))
    return input_ids, [-100] * n_prompt + input_ids[n_prompt:]
