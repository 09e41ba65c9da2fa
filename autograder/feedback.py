"""Feedback that never reveals hidden tests.

A hidden test's source reaches the kernel only when it runs, so anything the kernel printed after the
first hidden test could carry it (student code can read the cell it runs in, or print ``In``). The
feedback therefore shows a cell's own outputs only up to the first hidden test; after that, it shows the
grader's verdicts, which the grader writes itself: passed or failed, the exception's name from a fixed
list, and the failing line when that line is in the visible part of the test.

``HideHiddenTests`` is the same rule for plain ``nbgrader generate_feedback``: it cuts each hidden region
out of the source and, in any cell that had one, keeps only the exception's name.
"""

from __future__ import annotations

import builtins

import nbformat
from nbconvert import HTMLExporter
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from .messages import say

BEGIN = "### BEGIN HIDDEN TESTS"
END = "### END HIDDEN TESTS"
NOTICE = "# (hidden tests run here; they are not shown)"
EXCEPTIONS = frozenset(name for name, obj in vars(builtins).items()
                       if isinstance(obj, type) and issubclass(obj, BaseException))
FEEDBACK_OUTPUT_LIMIT = 2 << 20  # bytes of the student's own outputs in one feedback file


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


def visible_part(source: str) -> str:
    """The test as released to students: hidden regions removed, without a notice."""
    return "\n".join(line for line in strip_hidden(source)[0].split("\n") if line.strip() != NOTICE)


def safe_name(ename: str) -> str:
    """An exception's name if it is a built-in one; anything else could be text chosen by student code."""
    return ename if ename in EXCEPTIONS else "Error"


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


def hidden_lines(source: str) -> set[int]:
    """0-based numbers of the lines inside hidden-test regions (markers included)."""
    hidden, inside = set(), False
    for number, line in enumerate(source.split("\n")):
        if BEGIN in line:
            inside = True
        if inside:
            hidden.add(number)
        if END in line:
            inside = False
    return hidden


def verdict(outcome: dict, source: str, points: float, lang: str) -> str:
    """The grader's own words about one test: never text that the kernel chose."""
    status = outcome["status"]
    if status == "passed":
        return say("test_passed", lang, points=points)
    if status in ("timeout", "not_run"):
        return say("test_timeout" if status == "timeout" else "test_not_run", lang, points=points)
    text = say("test_failed", lang, points=points, ename=safe_name(outcome.get("ename", "")))
    lines, line = source.split("\n"), outcome.get("line", 0)
    if not 0 < line <= len(lines):
        return text
    if line - 1 in hidden_lines(source):
        return text + "\n" + say("failed_hidden", lang)
    return text + "\n" + say("failed_line", lang, line=lines[line - 1].strip())


def _shown_outputs(outputs: list, withheld: bool, budget: list[int], lang: str) -> list:
    if withheld:
        errors = [o for o in outputs if o.get("output_type") == "error"]
        note = [nbformat.v4.new_output("stream", name="stdout", text=say("output_withheld", lang) + "\n")]
        return (note if outputs else []) + [nbformat.v4.new_output(
            "error", ename=safe_name(o.get("ename", "")), evalue="", traceback=[]) for o in errors[:1]]
    shown = []
    for output in outputs:
        size = len(str(output))
        if size > budget[0]:
            break
        budget[0] -= size
        shown.append(output)
    return shown


def notebook(title: str, summary: str, cells: list[dict], lang: str) -> NotebookNode:
    """The feedback notebook: ``cells`` are dicts with kind, source, outputs, withheld, and for tests a verdict."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell(f"# {title}\n\n{summary}"))
    if any(c.get("withheld") for c in cells):
        nb.cells.append(nbformat.v4.new_markdown_cell(f"*{say('outputs_hidden', lang)}*"))
    budget = [FEEDBACK_OUTPUT_LIMIT]
    for cell in cells:
        if cell["kind"] == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(cell["source"]))
            continue
        code = nbformat.v4.new_code_cell(cell["source"])
        if cell["kind"] == "test":
            code.outputs = [nbformat.v4.new_output("stream", name="stdout", text=cell["verdict"] + "\n")]
        else:
            code.outputs = _shown_outputs(cell.get("outputs", []), cell.get("withheld", False), budget, lang)
        nb.cells.append(code)
    for number, cell in enumerate(nb.cells):
        cell.id = f"feedback-{number}"  # not random: the same submission gives the same page
    return nb


def html(nb: NotebookNode) -> str:
    """Feedback as one HTML page; markdown and outputs are sanitised (no scripts from student notebooks)."""
    exporter = HTMLExporter(template_name="lab")
    exporter.sanitize_html = True
    body, _ = exporter.from_notebook_node(nb)
    return body
