"""A source notebook as the mutation runner sees it: code cells, exercises, the test cells that score them."""

from __future__ import annotations

import ast
import json
import re
import symtable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..labs import nbgrader_meta

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
_REGION = re.compile(rf"^([ \t]*){re.escape(BEGIN)}[^\n]*\n.*?^[ \t]*{re.escape(END)}[^\n]*$", re.M | re.S)


@dataclass(frozen=True)
class Cell:
    """A code cell: ``kind`` is "solution", "test" or "code"."""

    index: int
    source: str
    kind: str = "code"
    grade_id: str = ""
    points: float = 0.0

    @cached_property
    def defines(self) -> frozenset[str]:
        return _names(self.source)[0]

    @cached_property
    def loads(self) -> frozenset[str] | None:
        """Global names the cell reads and does not bind itself (None: unparsable, assume it reads everything)."""
        defined, loaded = _names(self.source)
        return None if loaded is None else loaded - defined


@dataclass
class Exercise:
    """A solution cell and the test cells that award its points."""

    grade_id: str
    cell: Cell
    tests: list[Cell] = field(default_factory=list)

    @property
    def points(self) -> float:
        return sum(t.points for t in self.tests)


@dataclass
class Lab:
    name: str
    path: Path
    cells: list[Cell]
    exercises: dict[str, Exercise]

    @property
    def tests(self) -> list[Cell]:
        return [c for c in self.cells if c.kind == "test"]

    def scored_by(self, test: Cell) -> list[Exercise]:
        return [ex for ex in self.exercises.values() if test in ex.tests]

    def replay(self, start: Cell, stop: Cell) -> list[Cell]:
        """The ordinary cells strictly between ``start`` and ``stop`` that read, directly or through other
        cells, a name ``start`` defines: the state to rebuild after ``start`` changes, before ``stop`` runs."""
        return self._downstream(start, stop)[0]

    def depends(self, test: Cell, start: Cell) -> bool:
        """Whether ``test`` can see a change to ``start`` (directly or through the cells between them)."""
        return _reads(test, self._downstream(start, test)[1])

    def needed(self, last: int, reads: frozenset[str] | None = frozenset()) -> set[int]:
        """Indices of the cells up to ``last`` that the checks need: every solution and test cell, every cell up to
        the first solution (setup, references, data), and each later lesson cell that binds a name a needed cell
        (or one of the checks' ``reads``) reads, or binds nothing (it runs for its effect). A lesson cell whose
        names nothing later reads (a plot, a table, a demo training run) is not needed: the control check before
        each test would show it if it was. ``reads`` None (a check that does not parse): every cell is needed."""
        if reads is None:
            return {c.index for c in self.cells if c.index <= last}
        first = min((c.index for c in self.cells if c.kind == "solution"), default=last)
        names, keep = set(reads), set()
        for cell in reversed([c for c in self.cells if c.index <= last]):
            if (cell.kind != "code" or cell.index <= first or cell.loads is None or not cell.defines
                    or cell.defines & names):
                keep.add(cell.index)
                names |= cell.loads or set()
        return keep

    def _downstream(self, start: Cell, stop: Cell) -> tuple[list[Cell], set[str]]:
        # Solution cells pass the change on (their functions look names up when called) but need no
        # re-run; test cells build nothing later cells use.
        tainted, cells = set(start.defines), []
        for cell in self.cells:
            if start.index < cell.index < stop.index and cell.kind != "test" and _reads(cell, tainted):
                tainted |= cell.defines
                if cell.kind == "code":
                    cells.append(cell)
        return cells, tainted


def _reads(cell: Cell, names: set[str]) -> bool:
    return cell.loads is None or bool(cell.loads & names)


def load(path: Path, name: str | None = None) -> Lab:
    """Read a source notebook. A test cell ``test_X`` scores exercise ``X``; any other test cell scores
    the nearest solution cell above it."""
    cells, exercises, last = [], {}, None
    for index, raw in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
        if raw["cell_type"] != "code":
            continue
        meta = nbgrader_meta(raw)
        kind = "solution" if meta.get("solution") else "test" if meta.get("grade") else "code"
        source = "".join(raw["source"]) if isinstance(raw["source"], list) else raw["source"]
        cell = Cell(index, source, kind, meta.get("grade_id", ""), float(meta.get("points") or 0))
        cells.append(cell)
        if kind == "solution":
            last = exercises[cell.grade_id] = Exercise(cell.grade_id, cell)
        elif kind == "test":
            target = exercises.get(cell.grade_id.removeprefix("test_")) or last
            if target is not None:
                target.tests.append(cell)
    return Lab(name or path.stem, path, cells, exercises)


def regions(source: str) -> list[tuple[int, int]]:
    """1-based line numbers of each solution region's BEGIN and END markers."""
    lines, out, begin = source.splitlines(), [], None
    for number, line in enumerate(lines, 1):
        if line.strip().startswith(BEGIN):
            begin = number
        elif line.strip().startswith(END) and begin is not None:
            out.append((begin, number))
            begin = None
    return out


def blank(source: str) -> str:
    """The cell as the student release has it: each solution region replaced by ``raise NotImplementedError()``."""
    return _REGION.sub(lambda m: f"{m.group(1)}# YOUR CODE HERE\n{m.group(1)}raise NotImplementedError()", source)


def parse(source: str) -> ast.Module:
    """Parse a cell, IPython syntax (magics, ``!cmd``) included."""
    from IPython.core.inputtransformer2 import TransformerManager

    return ast.parse(TransformerManager().transform_cell(source))


def _names(source: str) -> tuple[frozenset[str], frozenset[str] | None]:
    """(names a cell binds at module level, global names it reads anywhere, functions and comprehensions too)."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        table = symtable.symtable(TransformerManager().transform_cell(source), "<cell>", "exec")
    except SyntaxError:
        return frozenset(), None
    defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    loaded, todo = set(), [table]
    while todo:
        scope = todo.pop()
        todo.extend(scope.get_children())
        loaded |= {s.get_name() for s in scope.get_symbols()
                   if s.is_referenced() and (scope is table or s.is_global())}
    return frozenset(defined), frozenset(loaded)
