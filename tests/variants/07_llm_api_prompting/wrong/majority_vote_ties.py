def majority_vote(answers):
    """Keeps the best count with `>=`: on a tie the answer seen last wins."""
    counts = {}
    for answer in answers:
        if answer is not None:
            counts[answer] = counts.get(answer, 0) + 1
    best, best_count = None, 0
    for answer, count in counts.items():
        if count >= best_count:
            best, best_count = answer, count
    return best
