"""The labs' figures: diagrams each lab draws (lab content, kept out of the notebooks' code cells).

One module per lab (``lab04_transformer``, ...) draws with the shared kit in ``drawing``; a notebook imports
its own: ``from nlpcourse.figures import lab04_transformer as diagrams``.
"""
