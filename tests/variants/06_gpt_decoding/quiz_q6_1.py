import math

q6 = math.exp(2)
