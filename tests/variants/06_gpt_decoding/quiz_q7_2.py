# answered with spaces around the letter
q7 = " b "
