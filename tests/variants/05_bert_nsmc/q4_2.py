answer = 'b'  # my choice
q4 = answer.strip().lower()
