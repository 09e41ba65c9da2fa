# answered in capitals with spaces around the letter
q2 = " C "
