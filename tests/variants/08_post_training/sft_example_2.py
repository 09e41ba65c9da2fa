import copy


def sft_example(tokenizer, prompt, answer):
    """Appends to a copy of the prompt, masks by slicing a copy of the ids."""
    messages = copy.deepcopy(prompt)
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    messages.append({"role": "assistant", "content": answer})
    ids = tokenizer.apply_chat_template(messages)
    if not isinstance(ids, list):
        ids, prompt_ids = ids["input_ids"], prompt_ids["input_ids"]
    labels = list(ids)
    labels[:len(prompt_ids)] = [-100] * len(prompt_ids)
    return list(ids), labels
