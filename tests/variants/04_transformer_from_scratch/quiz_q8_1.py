q8 = 3 + 1  # keys 0, 1, 2 and 3
