answer = 'a'  # my choice
q6 = answer.strip().lower()
