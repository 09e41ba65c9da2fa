def majority_vote(answers):
    """Sort the distinct answers by (-count, first position)."""
    stats = {}
    for position, answer in enumerate(answers):
        if answer is None:
            continue
        count, first = stats.get(answer, (0, position))
        stats[answer] = (count + 1, first)
    ranked = sorted(stats.items(), key=lambda item: (-item[1][0], item[1][1]))
    return ranked[0][0] if ranked else None
