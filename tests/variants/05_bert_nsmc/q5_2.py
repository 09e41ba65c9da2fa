answer = 'b'  # my choice
q5 = answer.strip().lower()
