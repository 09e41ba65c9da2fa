# answered in capitals with spaces around the letter
q6 = " C "
