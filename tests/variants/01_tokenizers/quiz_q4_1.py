# counted in code
q4 = len("한국어".encode())
