def sft_example(tokenizer, prompt, answer):
    """The prompt's length from a tokenized string, the labels by a comprehension."""
    conversation = [*prompt, {"role": "assistant", "content": answer}]
    full = tokenizer.apply_chat_template(conversation, tokenize=True, return_dict=True)["input_ids"]
    head = tokenizer.apply_chat_template(prompt, tokenize=True, add_generation_prompt=True,
                                         return_dict=True)["input_ids"]
    input_ids = [int(t) for t in full]
    labels = [-100 if i < len(head) else t for i, t in enumerate(input_ids)]
    return input_ids, labels
