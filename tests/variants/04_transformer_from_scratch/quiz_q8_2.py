q8 = len(range(0, 3 + 1))
