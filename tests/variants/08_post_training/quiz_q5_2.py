# answered in capitals with spaces around the letter
q5 = " B "
