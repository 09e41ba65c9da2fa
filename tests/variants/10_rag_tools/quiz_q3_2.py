# answered with spaces around the letter
q3 = " a "
