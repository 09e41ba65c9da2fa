# answered with spaces around the letter
q6 = " c "
