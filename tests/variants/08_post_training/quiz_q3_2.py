# answered in capitals with spaces around the letter
q3 = " A "
