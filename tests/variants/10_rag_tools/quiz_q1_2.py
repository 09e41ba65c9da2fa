# answered with spaces around the letter
q1 = " b "
