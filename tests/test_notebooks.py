"""Every lab's solution passes all its tests (visible and hidden); its blank release fails every one.

Both checks run the notebooks with nbgrader's Validator, in fast mode (nbval runs the solutions too).
"""

from __future__ import annotations

import pytest
from conftest import LABS

from autograder.labs import release_notebook, source_notebook
from autograder.validate import validate


@pytest.mark.parametrize("lab", LABS)
def test_solution_passes_every_test(lab):
    assert validate(source_notebook(lab)) == []


@pytest.mark.parametrize("lab", LABS)
def test_blank_release_fails_every_test(lab):
    assert validate(release_notebook(lab), blank=True) == []
