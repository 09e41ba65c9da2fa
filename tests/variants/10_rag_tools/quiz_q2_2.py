# answered with spaces around the letter
q2 = " c "
