q2 = "c\n"
