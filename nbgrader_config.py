"""Found by plain ``nbgrader <command>`` run from the repository root: the course's settings.

All of them live in ``autograder/nbgrader_config.py`` (editions, work folders, exchange); see
docs/instructors.md.
"""

c = get_config()  # noqa: F821  (injected by traitlets)
load_subconfig("autograder/nbgrader_config.py")  # noqa: F821
