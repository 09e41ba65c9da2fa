"""Mutation operators: small changes to a solution cell's code that a good test notices.

Only code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` is changed (what a student writes),
one change per mutant, in one function at a time. Standard operators: comparison, arithmetic, boolean,
constant (+-1, flipped, emptied), slice bounds, return value, remove statement, swap arguments. Course
operators, for the bugs students make (issue 13): in_place (the caller's argument modified, ``x = x + y``
turned into ``x += y``, a ``.copy()`` dropped), param_global (a parameter replaced by a module-level
global of the same name or type), param_constant (a parameter frozen to its first value or its
default), dtype_narrowing, tie_break (ties broken the other way), first_only (a loop over the first
item only) and dropped_guard (an early ``return``/``raise``/``continue`` or a conditional removed).
Operators from the misses of issue 24: squeeze (``.squeeze(dim)`` without its dim), type_change (a Python
``float``/``int`` turned into a NumPy scalar, ``.item()`` dropped, float zeros made integer), mode
(``with torch.no_grad():`` unwrapped, ``.eval()`` turned into ``.train()``) and dropped_argument (one
keyword argument of a call left out: ``keepdim``, ``attention_mask``, ``generator``, ...).
Some of them wrap the function in a decorator from ``runtime`` (the name ``__mutation__`` in the
namespace): the diff shows it, e.g. ``@__mutation__.frozen('window')``.
"""

from __future__ import annotations

import ast
import copy
import difflib
import hashlib
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from .notebook import parse, regions

RUNTIME = "__mutation__"
OPERATORS = (
    "comparison", "arithmetic", "boolean", "constant", "slice", "return_value", "remove_statement",
    "swap_arguments", "in_place", "param_global", "param_constant", "dtype_narrowing", "tie_break",
    "first_only", "dropped_guard", "squeeze", "type_change", "mode", "dropped_argument",
)

Path = tuple[tuple[str, int | None], ...]


@dataclass(frozen=True)
class Mutant:
    exercise: str
    function: str
    operator: str
    original: str
    replacement: str
    occurrence: int
    line: int
    source: str  # the whole mutated cell, ready to run
    diff: str

    @property
    def id(self) -> str:
        """Stable across edits elsewhere in the notebook: exercise, operator, location, replacement."""
        key = "|".join([self.exercise, self.operator, self.function, self.original, str(self.occurrence),
                        self.replacement])
        return hashlib.sha1(key.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class _Edit:
    operator: str
    changes: tuple[tuple[Path, object], ...]  # (where, new node or list of statements)
    original: str
    replacement: str
    line: int


@dataclass
class _Unit:
    """A function holding solution code (or the module, for top-level solution code)."""

    node: ast.AST
    path: Path
    name: str
    spans: list[tuple[int, int]]

    def inside(self, node: ast.AST) -> bool:
        start, end = _span(node)
        return start is not None and any(b < start and end < e for b, e in self.spans)

    @property
    def params(self) -> list[ast.arg]:
        if not isinstance(self.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return []
        a = self.node.args
        return [p for p in [*a.posonlyargs, *a.args, *a.kwonlyargs] if p.arg not in ("self", "cls")]


def mutants(exercise: str, source: str, operators: Collection[str] = OPERATORS) -> list[Mutant]:
    """Every mutant of a solution cell (duplicates and no-ops dropped), in source order."""
    tree = parse(source)
    reference = ast.unparse(tree)
    seen, counts, out = {reference}, Counter(), []
    for unit in _units(tree, regions(source)):
        for edit in _edits(unit, operators):
            mutated = _apply(tree, edit.changes)
            text = ast.unparse(mutated)
            if text in seen:
                continue
            seen.add(text)
            key = (edit.operator, unit.name, edit.original, edit.replacement)
            counts[key] += 1
            after = _at(mutated, unit.path) if unit.path else mutated
            diff = _diff(ast.unparse(unit.node), ast.unparse(after), f"{exercise}:{unit.name}")
            out.append(Mutant(exercise, unit.name, edit.operator, edit.original, edit.replacement,
                              counts[key], edit.line, text, diff))
    return out


def reference_source(source: str) -> str:
    """The cell exactly as the mutants are written out (``ast.unparse``), unmutated: the control."""
    return ast.unparse(parse(source))


# --- finding the code to mutate -------------------------------------------------------------------------

def _units(tree: ast.Module, spans: list[tuple[int, int]]) -> list[_Unit]:
    defs = list(_defs(tree))
    units: dict[Path, _Unit] = {}
    for b, e in spans:
        holders = [d for d in defs if isinstance(d[0], (ast.FunctionDef, ast.AsyncFunctionDef))
                   and d[0].lineno < b < d[0].end_lineno]
        node, path, name = max(holders, key=lambda d: d[0].lineno) if holders else (tree, (), "<cell>")
        units.setdefault(path, _Unit(node, path, name, [])).spans.append((b, e))
    return sorted(units.values(), key=lambda u: getattr(u.node, "lineno", 0))


def _span(node: ast.AST) -> tuple[int | None, int | None]:
    """First and last line of a node (comprehensions have no position of their own)."""
    if isinstance(node, ast.comprehension):
        return node.target.lineno, max(n.end_lineno for n in [node.iter, *node.ifs])
    return getattr(node, "lineno", None), getattr(node, "end_lineno", None)


def _defs(node: ast.AST, path: Path = (), prefix: str = "") -> Iterator[tuple[ast.AST, Path, str]]:
    for child, child_path in _children(node, path):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield child, child_path, prefix + child.name
            yield from _defs(child, child_path, f"{prefix}{child.name}.")
        else:
            yield from _defs(child, child_path, prefix)


def _children(node: ast.AST, path: Path) -> Iterator[tuple[ast.AST, Path]]:
    for name, value in ast.iter_fields(node):
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield item, path + ((name, i),)
        elif isinstance(value, ast.AST):
            yield value, path + ((name, None),)


def _walk(node: ast.AST, path: Path, parents: tuple[ast.AST, ...] = ()):
    """(node, path, ancestors) below ``node``; skips annotations, docstrings and f-strings."""
    for child, child_path in _children(node, path):
        field = child_path[-1][0]
        if field in ("annotation", "returns") or isinstance(child, ast.JoinedStr) or _is_docstring(child, node):
            continue
        yield child, child_path, (*parents, node)
        yield from _walk(child, child_path, (*parents, node))


def _is_docstring(node: ast.AST, parent: ast.AST) -> bool:
    body = getattr(parent, "body", None)
    return (isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module))
            and bool(body) and body[0] is node and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str))


# --- applying an edit -----------------------------------------------------------------------------------

def _at(tree: ast.AST, path: Path) -> ast.AST:
    node = tree
    for name, index in path:
        node = getattr(node, name) if index is None else getattr(node, name)[index]
    return node


def _apply(tree: ast.Module, changes: tuple[tuple[Path, object], ...]) -> ast.Module:
    tree = copy.deepcopy(tree)
    # later positions first, so that splicing a statement list doesn't shift the others
    for path, new in sorted(changes, key=lambda c: [(n, -1 if i is None else i) for n, i in c[0]], reverse=True):
        parent = _at(tree, path[:-1])
        name, index = path[-1]
        if index is None:
            setattr(parent, name, copy.deepcopy(new))
            continue
        items = getattr(parent, name)
        items[index:index + 1] = copy.deepcopy(new) if isinstance(new, list) else [copy.deepcopy(new)]
        if not items and name in ("body", "handlers"):
            items.append(ast.Pass())
    return ast.fix_missing_locations(tree)


def _diff(before: str, after: str, where: str) -> str:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), f"{where} (reference)", f"{where} (mutant)",
                                 n=1, lineterm="")
    return "\n".join(lines)


def _text(new: object) -> str:
    if isinstance(new, list):
        return "; ".join(ast.unparse(s) for s in new) or "<removed>"
    return ast.unparse(new)


# --- the operators --------------------------------------------------------------------------------------

def _edits(unit: _Unit, operators: Collection[str]) -> Iterator[_Edit]:
    assigned = _first_assignments(unit)
    for node, path, parents in _walk(unit.node, unit.path):
        if not unit.inside(node):
            continue
        for operator, new in _node_mutations(node, parents, unit, assigned):
            if operator in operators:
                yield _Edit(operator, ((path, new),), _text(node), _text(new), _span(node)[0])
    yield from (e for e in _unit_mutations(unit) if e.operator in operators)


def _node_mutations(node: ast.AST, parents: tuple[ast.AST, ...], unit: _Unit, assigned: dict[str, int]):
    parent = parents[-1]
    yield from _comparison(node, parent)
    yield from _arithmetic(node)
    yield from _boolean(node)
    yield from _constant(node, parents)
    yield from _slice(node)
    yield from _calls(node, parent, unit)
    yield from _student_slips(node)
    if isinstance(node, ast.stmt):
        yield from _statement(node, parent, unit, assigned)
    if isinstance(node, (ast.For, ast.comprehension)):
        yield "first_only", _replace(node, iter=_first_of(node.iter))
    if isinstance(node, ast.IfExp):
        yield "dropped_guard", node.body


_BOUNDARY = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_NEGATION = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot,
             ast.IsNot: ast.Is}
_ARITHMETIC = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
               ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.MatMult: ast.Mult, ast.BitAnd: ast.BitOr,
               ast.BitOr: ast.BitAnd}


def _replace(node: ast.AST, **fields) -> ast.AST:
    new = copy.copy(node)
    for name, value in fields.items():
        setattr(new, name, value)
    return new


_NUMPY_SCALARS = {"float": "float32", "int": "int64"}
_ZEROS = ("zeros", "zeros_like", "full", "empty")
_NO_GRAD = ("no_grad", "inference_mode")
_REDUCTIONS = ("sum", "mean", "argmax", "argmin", "max", "min", "std", "var", "prod", "all", "any", "norm", "cumsum")


def _numpy(attr: str) -> ast.expr:
    """``__import__('numpy').attr``: works whatever the notebook calls NumPy."""
    module = ast.Call(ast.Name("__import__", ast.Load()), [ast.Constant("numpy")], [])
    return ast.Attribute(module, attr, ast.Load())


def _student_slips(node):
    """squeeze, type_change, mode and dropped_argument: what students write, not a flipped operator."""
    if isinstance(node, ast.With) and len(node.items) == 1 and _calls_named(node.items[0].context_expr, _NO_GRAD):
        yield "mode", node.body  # the same values, but autograd records everything
    if not isinstance(node, ast.Call):
        return
    func = node.func
    attr = func.attr if isinstance(func, ast.Attribute) else None
    if attr == "squeeze" and (node.args or node.keywords):
        yield "squeeze", _replace(node, args=[], keywords=[])
    if isinstance(func, ast.Name) and func.id in _NUMPY_SCALARS and len(node.args) == 1 and not node.keywords \
            and not isinstance(node.args[0], ast.Constant):  # float("-inf"): a constant, not a result
        yield "type_change", _replace(node, func=_numpy(_NUMPY_SCALARS[func.id]))
    if attr == "item" and not node.args and not node.keywords:
        yield "type_change", func.value
    if attr in _ZEROS and _root(func) in ("numpy", "torch") and not any(k.arg == "dtype" for k in node.keywords):
        dtype = ast.Attribute(ast.Name("torch", ast.Load()), "long", ast.Load()) if _root(func) == "torch" \
            else ast.Name("int", ast.Load())
        yield "type_change", _replace(node, keywords=[*node.keywords, ast.keyword("dtype", dtype)])
    if attr == "eval" and not node.args and not node.keywords:
        yield "mode", _replace(node, func=_replace(func, attr="train"))
    if attr in _REDUCTIONS and len(node.args) == 1 and not node.keywords and isinstance(func, ast.Attribute) \
            and _root(func) not in ("numpy", "torch"):  # x.sum(-1) -> x.sum(): over every axis
        yield "dropped_argument", _replace(node, args=[])
    for i, kw in enumerate(node.keywords):
        if kw.arg is not None and kw.arg != "dtype":  # dtype: dtype_narrowing's business
            yield "dropped_argument", _replace(node, keywords=[*node.keywords[:i], *node.keywords[i + 1:]])


def _calls_named(node: ast.expr, names: tuple[str, ...]) -> bool:
    func = node.func if isinstance(node, ast.Call) else None
    return (isinstance(func, ast.Attribute) and func.attr in names) or (isinstance(func, ast.Name) and func.id in names)


def _comparison(node, parent):
    if not isinstance(node, ast.Compare):
        return
    for i, op in enumerate(node.ops):
        for table in (_BOUNDARY, _NEGATION):
            if type(op) in table:
                ops = list(node.ops)
                ops[i] = table[type(op)]()
                kind = "tie_break" if table is _BOUNDARY and _keeps_best(node, parent) else "comparison"
                yield kind, _replace(node, ops=ops)


def _keeps_best(test: ast.Compare, parent: ast.AST) -> bool:
    """``if score > best: best = score``: a strict/non-strict swap here decides ties."""
    if not (isinstance(parent, ast.If) and parent.test is test):
        return False
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    return any(isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names for t in s.targets)
               for s in parent.body)


def _arithmetic(node):
    if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _ARITHMETIC:
        yield "arithmetic", _replace(node, op=_ARITHMETIC[type(node.op)]())
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and not isinstance(node.operand, ast.Constant):
        yield "arithmetic", node.operand


def _boolean(node):
    if isinstance(node, ast.BoolOp):
        yield "boolean", _replace(node, op=ast.Or() if isinstance(node.op, ast.And) else ast.And())
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.Invert)):
        yield "boolean", node.operand
    if isinstance(node, (ast.If, ast.While, ast.IfExp)) and not _is_not(node.test):
        yield "boolean", _replace(node, test=ast.UnaryOp(ast.Not(), node.test))
    if isinstance(node, ast.comprehension):
        for i, cond in enumerate(node.ifs):
            if not _is_not(cond):
                yield "boolean", _replace(node, ifs=[*node.ifs[:i], ast.UnaryOp(ast.Not(), cond), *node.ifs[i + 1:]])


def _is_not(node: ast.AST) -> bool:
    return isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)


def _constant(node, parents):
    if not isinstance(node, ast.Constant) or any(isinstance(p, ast.Raise) for p in parents):
        return
    if isinstance(parents[-1], ast.keyword) and parents[-1].arg == "dtype":
        return  # dtype_narrowing's business
    value = node.value
    if isinstance(value, bool):
        yield "constant", ast.Constant(not value)
    elif isinstance(value, (int, float)):
        yield "constant", ast.Constant(value + 1)
        yield "constant", ast.Constant(value - 1)
    elif isinstance(value, str):
        yield "constant", ast.Constant("" if value else "XX")


def _slice(node):
    if not isinstance(node, ast.Slice) or node.step is not None or node.lower is node.upper is None:
        return  # a stepped slice, or a bare ':' (all of an axis)
    if node.lower is not None:
        yield "slice", _replace(node, lower=None)
    else:
        yield "slice", _replace(node, lower=ast.Constant(1))
    if node.upper is not None:
        yield "slice", _replace(node, upper=None)
    else:
        yield "slice", _replace(node, upper=ast.Constant(-1))


def _first_of(iterable: ast.expr) -> ast.expr:
    """``list(xs)[:1]``"""
    return ast.Subscript(ast.Call(ast.Name("list", ast.Load()), [iterable], []), ast.Slice(upper=ast.Constant(1)),
                         ast.Load())


_NARROW = {  # (module, attribute) -> narrower attributes
    **{("numpy", a): ("int16", "int8") for a in ("int64", "int32", "intp", "int_", "longlong")},
    **{("numpy", a): ("float16",) for a in ("float64", "float32", "double", "float_", "longdouble")},
    **{("torch", a): ("int16", "int8") for a in ("int64", "long", "int32", "int")},
    **{("torch", a): ("float16",) for a in ("float64", "double", "float32", "float")},
}
_NARROW_NAMES = {"int": ("int16", "int8"), "float": ("float16",), "int64": ("int16", "int8"),
                 "int32": ("int16", "int8"), "float64": ("float16",), "float32": ("float16",)}
_NARROW_METHODS = {"long": "short", "int": "short", "double": "half", "float": "half"}
_MODULES = {"np": "numpy", "numpy": "numpy", "torch": "torch"}


def _calls(node, parent, unit):
    """Operators on calls and attributes: dtypes, tie-breaks, copies, argument order."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        for narrower in _NARROW.get((_MODULES.get(node.value.id), node.attr), ()):
            yield "dtype_narrowing", _replace(node, attr=narrower)
    if not isinstance(node, ast.Call):
        return
    func, args = node.func, node.args
    root = _root(func)
    for i, kw in enumerate(node.keywords):
        if kw.arg == "dtype":
            for value in _narrow_dtype(kw.value, root):
                yield "dtype_narrowing", _replace(node, keywords=[*node.keywords[:i], ast.keyword("dtype", value),
                                                                  *node.keywords[i + 1:]])
    if isinstance(func, ast.Attribute) and func.attr == "astype" and len(args) == 1:
        for value in _narrow_dtype(args[0], "numpy"):
            yield "dtype_narrowing", _replace(node, args=[value])
    if isinstance(func, ast.Attribute) and func.attr in _NARROW_METHODS and not args and not node.keywords:
        yield "dtype_narrowing", _replace(node, func=_replace(func, attr=_NARROW_METHODS[func.attr]))
    yield from _tie_breaks(node, parent)
    yield from _copies(node, unit)
    if not any(isinstance(a, ast.Starred) for a in args):
        for i in range(len(args) - 1):
            if ast.dump(args[i]) != ast.dump(args[i + 1]):
                yield "swap_arguments", _replace(node, args=[*args[:i], args[i + 1], args[i], *args[i + 2:]])


def _root(func: ast.expr) -> str:
    while isinstance(func, (ast.Attribute, ast.Call, ast.Subscript)):
        func = func.func if isinstance(func, ast.Call) else func.value
    return _MODULES.get(func.id, "") if isinstance(func, ast.Name) else ""


def _narrow_dtype(value: ast.expr, root: str) -> Iterator[ast.expr]:
    name = value.id if isinstance(value, ast.Name) else value.value if isinstance(value, ast.Constant) else None
    for narrower in _NARROW_NAMES.get(name, ()) if isinstance(name, str) else ():
        yield (ast.Attribute(ast.Name("torch", ast.Load()), narrower, ast.Load()) if root == "torch"
               else ast.Constant(narrower))


def _tie_breaks(node: ast.Call, parent: ast.AST):
    func, args = node.func, node.args
    has_key = any(kw.arg == "key" for kw in node.keywords)
    if isinstance(func, ast.Name) and func.id in ("max", "min", "sorted") and has_key and args:
        if len(args) == 1:  # the same items, in the opposite order: ties go the other way
            yield "tie_break", _replace(node, args=[_reversed(args[0])])
        else:
            yield "tie_break", _replace(node, args=args[::-1])
    module = func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
    if _MODULES.get(module) == "numpy" and func.attr in ("argmax", "argmin", "argsort") and len(args) == 1:
        # the last of equal elements instead of the first: n - 1 - argX(x[..., ::-1])
        x = ast.Call(ast.Attribute(ast.Name(module, ast.Load()), "asarray", ast.Load()), [args[0]], [])
        if func.attr == "argsort":
            flipped = ast.Subscript(x, ast.Tuple([ast.Constant(...), ast.Slice(step=ast.Constant(-1))], ast.Load()),
                                    ast.Load())
            size = ast.Subscript(ast.Attribute(x, "shape", ast.Load()), ast.Constant(-1), ast.Load())
        else:
            flipped = ast.Subscript(ast.Call(ast.Attribute(x, "ravel", ast.Load()), [], []),
                                    ast.Slice(step=ast.Constant(-1)), ast.Load())
            size = ast.Attribute(x, "size", ast.Load())
        last = ast.BinOp(ast.BinOp(size, ast.Sub(), ast.Constant(1)), ast.Sub(), _replace(node, args=[flipped]))
        yield "tie_break", last


def _reversed(items: ast.expr) -> ast.expr:
    """``list(items)[::-1]``"""
    return ast.Subscript(ast.Call(ast.Name("list", ast.Load()), [items], []), ast.Slice(step=ast.Constant(-1)),
                         ast.Load())


def _copies(node: ast.Call, unit: _Unit):
    """A copy dropped: the function then works on (and may change) the caller's object."""
    func, args = node.func, node.args
    params = {p.arg for p in unit.params}
    if isinstance(func, ast.Attribute) and func.attr in ("copy", "clone") and not args and not node.keywords:
        yield "in_place", func.value
    elif isinstance(func, ast.Attribute) and func.attr in ("copy", "deepcopy") and isinstance(func.value, ast.Name) \
            and func.value.id == "copy" and len(args) == 1:
        yield "in_place", args[0]
    elif isinstance(func, ast.Name) and func.id in ("list", "dict", "set") and len(args) == 1 \
            and isinstance(args[0], ast.Name) and args[0].id in params:
        yield "in_place", args[0]


def _statement(node: ast.stmt, parent: ast.AST, unit: _Unit, assigned: dict[str, int]):
    if isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None):
        yield "return_value", _replace(node, value=ast.Constant(None))
    if _removable(node, assigned):
        yield "remove_statement", []
    if isinstance(node, ast.If) and node.body and isinstance(node.body[-1], (ast.Return, ast.Raise, ast.Continue,
                                                                             ast.Break)):
        if not node.orelse:
            yield "dropped_guard", []
        elif len(node.body) == 1:
            yield "dropped_guard", node.orelse
    if isinstance(node, ast.Assert):
        yield "dropped_guard", []
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute) \
            and node.value.func.attr == "sort":  # xs.sort(key=...): ties in the opposite order
        receiver = node.value.func.value
        reverse = ast.Expr(ast.Call(ast.Attribute(receiver, "reverse", ast.Load()), [], []))
        yield "tie_break", [reverse, node]
    params = {p.arg for p in unit.params}
    if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in params and isinstance(node.value, ast.BinOp)
            and isinstance(node.value.left, ast.Name) and node.value.left.id == node.targets[0].id):
        # x = x + y  ->  x += y: the caller's list or array changes too
        target = ast.Name(node.targets[0].id, ast.Store())
        yield "in_place", ast.AugAssign(target, node.value.op, node.value.right)


def _removable(node: ast.stmt, assigned: dict[str, int]) -> bool:
    """Statements whose removal leaves runnable code (not the first binding of a name)."""
    if isinstance(node, ast.Expr):
        return not isinstance(node.value, ast.Constant)
    if isinstance(node, (ast.AugAssign, ast.Continue, ast.Break, ast.Delete)):
        return True
    if isinstance(node, ast.Assign):
        targets = [e for t in node.targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
        if not all(isinstance(t, ast.Name) for t in targets):
            return True  # a subscript or attribute is set: removing it leaves the old value
        return all(assigned.get(t.id, node.lineno) < node.lineno for t in targets)
    return False


def _first_assignments(unit: _Unit) -> dict[str, int]:
    """Name -> line of its first binding in the unit (parameters: line 0)."""
    first = {p.arg: 0 for p in unit.params}
    for node in ast.walk(unit.node):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            first[node.id] = min(first.get(node.id, node.lineno), node.lineno)
    return first


def _unit_mutations(unit: _Unit) -> Iterator[_Edit]:
    """Course operators on a whole function: its arguments modified, ignored or frozen."""
    if not unit.params:
        return
    used = {n.id for n, _, _ in _walk(unit.node, unit.path) if isinstance(n, ast.Name) and unit.inside(n)}
    decorators = unit.node.decorator_list
    where = unit.path + (("decorator_list", len(decorators)),)
    defaults = _defaults(unit.node)
    first = _first_statement(unit)
    for param in unit.params:
        name = param.arg
        if name not in used:
            continue
        immutable = isinstance(defaults.get(name), ast.Constant)  # a number, string or None by default
        for operator, helper in (("in_place", "modifies"), ("param_global", "global_for"),
                                 ("param_constant", "frozen")):
            if operator == "in_place" and immutable:
                continue
            decorator = ast.Call(ast.Attribute(ast.Name(RUNTIME, ast.Load()), helper, ast.Load()),
                                 [ast.Constant(name)], [])
            yield _Edit(operator, ((where, [decorator]),), f"def {unit.name}", f"@{ast.unparse(decorator)}",
                        unit.node.lineno)
        if name in defaults and first is not None:
            assign = ast.fix_missing_locations(ast.Assign([ast.Name(name, ast.Store())], defaults[name], lineno=0))
            yield _Edit("param_constant", ((first[0], [assign, first[1]]),), f"def {unit.name}", ast.unparse(assign),
                        unit.node.lineno)


def _defaults(func: ast.FunctionDef) -> dict[str, ast.expr]:
    a = func.args
    positional = [*a.posonlyargs, *a.args]
    out = {p.arg: d for p, d in zip(positional[len(positional) - len(a.defaults):], a.defaults)}
    out.update({p.arg: d for p, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None})
    return out


def _first_statement(unit: _Unit) -> tuple[Path, ast.stmt] | None:
    """The first statement of the function body that is solution code."""
    for i, stmt in enumerate(unit.node.body):
        if unit.inside(stmt):
            return unit.path + (("body", i),), stmt
    return None
