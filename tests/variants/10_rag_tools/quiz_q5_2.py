# answered with spaces around the letter
q5 = " b "
