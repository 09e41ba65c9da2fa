# answered with spaces around the letter
q4 = " d "
