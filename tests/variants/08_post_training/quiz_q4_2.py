# answered in capitals with spaces around the letter
q4 = " D "
