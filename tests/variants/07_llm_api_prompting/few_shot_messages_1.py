from itertools import zip_longest


def few_shot_messages(instruction, examples, text, k, label_words=("negative", "positive")):
    """System, k balanced interleaved examples, then the review."""
    want = {1: (k + 1) // 2, 0: k // 2}
    picked = {1: [], 0: []}
    for review, label in examples:
        key = int(label)
        if key in picked and len(picked[key]) < want[key]:
            picked[key].append(review)
    if len(picked[1]) < want[1] or len(picked[0]) < want[0]:
        raise ValueError("too few examples")
    turns = [{"role": "system", "content": instruction}]
    for pos, neg in zip_longest(picked[1], picked[0]):
        for review, label in ((pos, 1), (neg, 0)):
            if review is not None:
                turns += [{"role": "user", "content": review}, {"role": "assistant", "content": label_words[label]}]
    return turns + [{"role": "user", "content": text}]
