"""Figures quoted in prose agree with where they come from.

The Korean and English twins of a prose cell quote the same numbers (a slip in one edition is a wrong figure), and
every precise figure (three or more decimals) is registered in ``tests/data/quoted_figures.json`` with its origin:
a figure from a fast run must appear in the notebook's committed outputs, one from a benchmark in that benchmark's
file, a full-mode one must be reported by the notebook (the GPU runner checks its value), a cited one names its
source. Re-running a notebook so that a quoted figure changes, or quoting a new one, fails here until the prose or
the registry says where it comes from.
"""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from conftest import LABS, REPO

from autograder.labs import source_notebook

REGISTRY = json.loads((REPO / "tests" / "data" / "quoted_figures.json").read_text(encoding="utf-8"))
DECIMAL = re.compile(r"(?<![0-9.])\d+\.\d+(?![0-9])")
PRECISE = re.compile(r"(?<![0-9.])\d+\.\d{3,}(?![0-9])")


def prose(text: str) -> str:
    """Markdown without formulas and link targets (their numbers are not quoted figures)."""
    return re.sub(r"\$\$.*?\$\$|\$[^$]*\$|\]\([^)]*\)", " ", text, flags=re.S)


def numbers(text: str) -> set[str]:
    """Decimal figures of a prose cell; sizes written with a unit word (1.3M, 130만, 1억) are left out, since the
    two languages count them in different units."""
    text = re.sub(r"\d+(?:\.\d+)?\s?(?:[MBK]\b|million|billion)|[\d,.]+\s?(?:만|억|천)", " ", prose(text))
    return {n for n in DECIMAL.findall(text)}


def pairs(nb) -> list[tuple[str, str, str]]:
    """(pair id, Korean source, English source) of every prose pair."""
    cells = nb.cells
    return [(str(c.get("id", i)).removesuffix("-ko"), c.source, cells[i + 1].source)
            for i, c in enumerate(cells[:-1]) if "lang-ko" in c.metadata.get("tags", [])]


def code(lab: str) -> str:
    nb = nbformat.read(source_notebook(lab), as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def outputs(nb) -> str:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", ""))
            texts.append(str(out.get("data", {}).get("text/plain", "")))
    return "\n".join(texts)


@pytest.mark.parametrize("lab", LABS)
def test_both_editions_quote_the_same_figures(lab):
    nb = nbformat.read(source_notebook(lab), as_version=4)
    differ = [f"{pid}: ko {sorted(numbers(ko) - numbers(en))} en {sorted(numbers(en) - numbers(ko))}"
              for pid, ko, en in pairs(nb)
              if numbers(ko) != numbers(en) and f"{lab}/{pid}" not in REGISTRY["pair_exceptions"]]
    assert not differ, f"the two editions quote different figures: {differ}"


@pytest.mark.parametrize("lab", LABS)
def test_every_precise_figure_comes_from_somewhere(lab):
    nb = nbformat.read(source_notebook(lab), as_version=4)
    quoted = {n for c in nb.cells if c.cell_type == "markdown" for n in PRECISE.findall(prose(c.source))}
    known = REGISTRY["figures"].get(lab, {})
    unknown = quoted - set(known)
    assert not unknown, f"figures quoted in {lab} without an origin in tests/data/quoted_figures.json: {unknown}"
    assert not set(known) - quoted, f"registered figures {lab} no longer quotes: {set(known) - quoted}"
    ran = outputs(nb)
    wrong = []
    for figure, origin in known.items():
        kind, _, where = origin.partition(":")
        if kind == "run" and not re.search(rf"(?<![0-9.]){re.escape(figure)}(?![0-9])", ran):
            wrong.append(f"{figure} is not in the notebook's outputs (re-run changed it?)")
        elif kind == "benchmark" and figure not in (REPO / where).read_text(encoding="utf-8"):
            wrong.append(f"{figure} is not recorded in {where}")
        elif kind == "full" and f'report("{where.rpartition("/")[2]}"' not in code(where.rpartition("/")[0] or lab):
            wrong.append(f"{figure}: {where.rpartition('/')[0] or lab} reports no {where.rpartition('/')[2]!r}")
        elif kind not in ("run", "benchmark", "full", "cited", "note") or not (where or kind == "run"):
            wrong.append(f"{figure}: unknown origin {origin!r}")
    assert not wrong, "; ".join(wrong)
