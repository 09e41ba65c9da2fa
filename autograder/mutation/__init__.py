"""Mutation testing of the labs' tests: mutate reference solution cells, check that the tests notice.

``notebook`` reads a source notebook's exercises and test cells, ``operators`` writes the mutants,
``runtime`` holds the helpers some mutants call, ``kernel`` runs cells in-process and in forked
children, ``runner`` walks a notebook and schedules the checks, ``report`` tallies and prints them.
The command is ``python -m autograder mutate`` (``autograder/mutate.py``).
"""
