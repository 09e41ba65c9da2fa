"""Every lab's solution passes all its tests (visible and hidden), run with nbgrader's Validator in fast mode.

nbval runs the solutions too; the blank editions are run by test_editions.py.
"""

from __future__ import annotations

import pytest
from conftest import LABS

from autograder.labs import source_notebook
from autograder.validate import validate


@pytest.mark.parametrize("lab", LABS)
def test_solution_passes_every_test(lab):
    assert validate(source_notebook(lab)) == []
