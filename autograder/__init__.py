"""The course autograder: release, validate and grade lab notebooks with nbgrader."""
