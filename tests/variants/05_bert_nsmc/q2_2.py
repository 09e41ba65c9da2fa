answer = 'b'  # my choice
q2 = answer.strip().lower()
