import numpy as np


def cohen_kappa(labels_a, labels_b):
    """A confusion matrix: observed agreement on its diagonal, chance from its margins."""
    labels = sorted(set(labels_a) | set(labels_b), key=repr)
    index = {label: i for i, label in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)))
    for a, b in zip(labels_a, labels_b):
        table[index[a], index[b]] += 1
    table /= table.sum()
    p_o = np.trace(table)
    p_e = float(table.sum(axis=1) @ table.sum(axis=0))
    if np.isclose(p_e, 1.0):
        return 1.0
    return float((p_o - p_e) / (1 - p_e))
