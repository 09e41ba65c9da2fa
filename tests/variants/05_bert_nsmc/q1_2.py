answer = 'a'  # my choice
q1 = answer.strip().lower()
