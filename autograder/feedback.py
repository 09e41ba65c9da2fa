"""Feedback that never reveals hidden tests.

nbgrader's autograde puts the hidden tests back into every test cell, and its default feedback
shows that source and the tracebacks that quote it. ``HideHiddenTests`` runs before the HTML export:
it cuts each hidden region out of the source and, in any cell that had one, drops printed output
and reduces an error to the exception's name.
"""

from __future__ import annotations

from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

BEGIN = "### BEGIN HIDDEN TESTS"
END = "### END HIDDEN TESTS"
NOTICE = "# (hidden tests run here; they are not shown)"


def strip_hidden(source: str) -> tuple[str, bool]:
    """Return ``source`` without its hidden-test regions, and whether it had any."""
    out, hidden, found = [], False, False
    for line in source.split("\n"):
        if BEGIN in line:
            hidden = found = True
            out.append(line[: len(line) - len(line.lstrip())] + NOTICE)
        elif END in line:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out), found


def redact_error(output: NotebookNode) -> NotebookNode:
    """An error output reduced to the exception's name: no message, no traceback."""
    return NotebookNode(
        output_type="error",
        ename=output.get("ename", "Error"),
        evalue="",
        traceback=[
            f"{output.get('ename', 'Error')}: a test in this cell failed. This cell includes hidden tests, "
            "so no details are shown; run the visible tests in your notebook and check the edge cases."
        ],
    )


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden tests and the errors they raised from a notebook before it becomes feedback."""

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        if cell.cell_type != "code":
            return cell, resources
        cell.source, had_hidden = strip_hidden(cell.source)
        if had_hidden:
            cell.outputs = [redact_error(o) for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        return cell, resources
