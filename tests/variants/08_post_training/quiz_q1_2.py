# answered in capitals with spaces around the letter
q1 = " B "
