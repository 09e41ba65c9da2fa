# answered with spaces around the letter
q8 = " b "
