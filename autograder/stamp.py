"""Write the Colab badge and setup cell at the top of a lab notebook, from ``nlpcourse.colab``."""

from __future__ import annotations

import nbformat
from nbformat import NotebookNode

from nlpcourse.colab import BADGE_CELL_ID, SETUP_CELL_ID, badge_markdown, setup_source


def header_cells(lab: str) -> list[NotebookNode]:
    """The two cells every lab starts with."""
    badge = nbformat.v4.new_markdown_cell(badge_markdown(f"course/{lab}/{lab}.ipynb"), id=BADGE_CELL_ID)
    setup = nbformat.v4.new_code_cell(setup_source(), id=SETUP_CELL_ID)
    return [badge, setup]


def stamp(nb: NotebookNode, lab: str) -> bool:
    """Put fresh header cells first (keeping the setup cell's outputs); return True if ``nb`` changed."""
    old = {c.get("id"): c for c in nb.cells if c.get("id") in (BADGE_CELL_ID, SETUP_CELL_ID)}
    badge, setup = header_cells(lab)
    if SETUP_CELL_ID in old:
        setup.outputs = old[SETUP_CELL_ID].get("outputs", [])
        setup.execution_count = old[SETUP_CELL_ID].get("execution_count")
    cells = [badge, setup] + [c for c in nb.cells if c.get("id") not in (BADGE_CELL_ID, SETUP_CELL_ID)]
    changed = [(c.cell_type, c.source) for c in cells[:2]] != [(c.cell_type, c.source) for c in nb.cells[:2]]
    nb.cells = cells
    return changed
