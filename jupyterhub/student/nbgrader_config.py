"""A student's nbgrader settings on the course hub (the hub puts this folder on JUPYTER_CONFIG_PATH).

Students only fetch, submit and fetch feedback: they need the shared exchange, nothing of the course's.
Submit keeps its own copy (with the secret that names their feedback) in their home, where only they can read it.
"""

import os

c = get_config()  # noqa: F821  (injected by traitlets)

c.Exchange.root = os.environ.get("NLPCOURSE_EXCHANGE", "/srv/nlpcourse/exchange")
c.Exchange.path_includes_course = True  # ./nlp-course-ko/LAB and ./nlp-course-en/LAB never collide
