q7 = "a\t"
