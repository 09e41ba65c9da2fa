answer = 'c'  # my choice
q7 = answer.strip().lower()
