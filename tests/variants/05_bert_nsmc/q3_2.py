answer = 'b'  # my choice
q3 = answer.strip().lower()
