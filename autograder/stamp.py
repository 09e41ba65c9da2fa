"""Write the Colab badge and setup cell at the top of a lab notebook, from ``nlpcourse.colab``.

The bilingual source starts with one badge per edition (tagged ``lang-ko`` / ``lang-en``) and a setup
cell that leaves the language to the environment; an edition starts with its own badge and a setup
cell that sets its language.
"""

from __future__ import annotations

import nbformat
from nbformat import NotebookNode

from nlpcourse.colab import BADGE_CELL_ID, SETUP_CELL_ID, badge_markdown, edition_path, setup_source
from nlpcourse.i18n import LANGS


def lang_tag(lang: str) -> str:
    """The cell tag that marks prose of one language in the source notebook."""
    return f"lang-{lang}"


def header_cells(lab: str, lang: str | None = None) -> list[NotebookNode]:
    """The cells a lab starts with: the source's (``lang=None``) or one edition's."""
    if lang is not None:
        badge = nbformat.v4.new_markdown_cell(badge_markdown(edition_path(lab, lang)), id=BADGE_CELL_ID)
        return [badge, nbformat.v4.new_code_cell(setup_source(lang), id=SETUP_CELL_ID)]
    badges = [
        nbformat.v4.new_markdown_cell(
            badge_markdown(edition_path(lab, code)), id=f"{BADGE_CELL_ID}-{code}", metadata={"tags": [lang_tag(code)]}
        )
        for code in LANGS
    ]
    return [*badges, nbformat.v4.new_code_cell(setup_source(), id=SETUP_CELL_ID)]


def is_header(cell: NotebookNode) -> bool:
    return str(cell.get("id", "")).startswith((BADGE_CELL_ID, SETUP_CELL_ID))


def stamp(nb: NotebookNode, lab: str, lang: str | None = None) -> bool:
    """Put fresh header cells first (keeping the setup cell's outputs); return True if ``nb`` changed."""
    old_setup = next((c for c in nb.cells if c.get("id") == SETUP_CELL_ID), None)
    header = header_cells(lab, lang)
    if old_setup is not None:
        header[-1].outputs = old_setup.get("outputs", [])
        header[-1].execution_count = old_setup.get("execution_count")
    cells = header + [c for c in nb.cells if not is_header(c)]
    n = len(header)
    changed = [(c.cell_type, c.source, c.get("id")) for c in cells[:n]] != [
        (c.cell_type, c.source, c.get("id")) for c in nb.cells[:n]
    ]
    nb.cells = cells
    return changed
