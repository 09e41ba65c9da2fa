"""Read the student's code before it runs, for what could change how tests run or are reported.

Sandboxing keeps a submission away from the grader and from other students; it does not stop code in
the kernel from lying about its own tests. The runner (``probe.py``) neutralises the usual tricks at
run time; this scan reads every cell the student wrote and lists constructs that an honest lab solution
does not need and an attack does: IPython internals and magics, frames and interpreter hooks, dynamic
code (``exec``, ``eval``, ``compile``, ``__import__``), computed attribute access, dunder attributes,
comparison and truthiness overrides (``__eq__`` that is always True), patching of modules, process
and signal control, and imports outside the lab's own plus a list of common safe ones. Anything found
makes the result "needs review" with the evidence; it never changes the score by itself.
"""

from __future__ import annotations
import __future__

import ast
import re

from IPython.core.inputtransformer2 import TransformerManager

SAFE_IMPORTS = frozenset({
    "__future__", "abc", "array", "base64", "bisect", "cmath", "collections", "contextlib", "copy", "csv",
    "dataclasses", "datetime", "decimal", "enum", "fractions", "functools", "glob", "gzip", "hashlib", "heapq",
    "io", "itertools", "json", "logging", "math", "multiprocessing", "concurrent", "numbers", "os", "pathlib",
    "pprint", "random", "re", "string",
    "statistics", "sys", "textwrap", "time", "typing", "unicodedata", "warnings",
    "gensim", "konlpy", "koreanize_matplotlib", "matplotlib", "nlpcourse", "nltk", "numpy", "pandas", "regex",
    "scipy", "seaborn", "sentencepiece", "sklearn", "tiktoken", "tokenizers", "torch", "tqdm", "transformers",
    "typing_extensions", "IPython.display",
})
SYS_OK = frozenset({"stdout", "stderr", "maxsize", "float_info", "int_info", "version", "version_info", "getsizeof",
                    "getrecursionlimit", "setrecursionlimit", "byteorder", "platform", "float_repr_style",
                    "getdefaultencoding"})
OS_OK = frozenset({"path", "listdir", "getcwd", "makedirs", "mkdir", "environ", "getenv", "cpu_count", "sep",
                   "linesep", "remove", "unlink", "rename", "replace", "walk", "scandir", "stat", "urandom", "fspath",
                   "devnull", "PathLike", "name", "rmdir", "getpid", "sched_getaffinity"})
BAD_NAMES = frozenset({"get_ipython", "In", "Out", "_ih", "_oh", "_dh", "_ii", "_iii", "__", "___", "__builtins__",
                       "__builtin__", "__import__", "exec", "eval", "compile", "globals", "locals", "vars",
                       "breakpoint", "setattr", "delattr", "exit", "quit", "__loader__", "__spec__"})
HISTORY = re.compile(r"^_(i\d*|\d+)$")
BAD_ATTRS = frozenset({
    "_getframe", "settrace", "setprofile", "addaudithook", "f_back", "f_globals", "f_locals", "f_builtins", "f_code",
    "tb_frame", "tb_next", "gi_frame", "cr_frame", "ag_frame", "co_code", "co_consts",
    "input_transformers_post", "input_transformers_cleanup", "input_transformer_manager", "ast_transformers",
    "set_custom_exc", "custom_exceptions", "CustomTB", "run_line_magic", "run_cell_magic", "run_cell", "user_ns",
    "user_global_ns", "history_manager", "ctypeslib", "read_pickle", "attrgetter", "methodcaller",
    "os", "sys", "_os", "_sys", "subprocess", "builtins", "gc", "ctypes", "inspect", "importlib", "pickle",
    "marshal", "signal", "socket", "threading", "_thread",
})
ALLOWED_DUNDERS = frozenset({"__name__", "__doc__", "__init__", "__len__", "__iter__", "__next__", "__getitem__",
                             "__call__", "__repr__", "__str__", "__version__", "__enter__", "__exit__"})
OVERRIDES = frozenset({
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__", "__getattr__",
    "__getattribute__", "__setattr__", "__delattr__", "__instancecheck__", "__subclasscheck__",
    "__class_getitem__", "__init_subclass__", "__set_name__", "__get__", "__set__", "__delete__", "__del__",
    "__index__", "__float__", "__int__", "__complex__", "__round__", "__abs__", "__contains__", "__array__",
    "__array_ufunc__", "__array_function__", "__torch_function__", "__new__", "__reduce__", "__reduce_ex__",
    "__setstate__", "__getstate__", "__format__",
})
NEVER = frozenset({
    "IPython", "ipykernel", "jupyter_client", "zmq", "subprocess", "ctypes", "gc", "inspect",
    "importlib", "pickle", "marshal", "dill", "cloudpickle", "joblib", "shelve", "signal", "socket", "threading",
    "_thread", "builtins", "types", "code", "codeop", "runpy", "pty", "atexit", "resource", "faulthandler", "dis",
    "traceback", "site", "sysconfig", "urllib", "http", "requests", "asyncio", "operator",
})
ALLOWED_MAGICS = frozenset({"matplotlib", "time", "capture"})
ATTRIBUTE_FUNCTIONS = frozenset({"getattr", "setattr", "delattr"})  # as values: reduce(getattr, names), map(...)
DUNDER = re.compile(r"__\w+__")
BAD_WORDS = re.compile(r"get_ipython|_getframe|input_transformers|ast_transformers|set_custom_exc|\brun_cell\b")


def _imports(tree: ast.AST) -> dict[str, str]:
    """Names bound by imports in ``tree`` -> the module (or ``module.name``) they stand for."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                names[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def parse(source: str, flags: int = 0) -> ast.AST | None:
    """The cell as Python (IPython magics turned into calls), compiled with the kernel's ``__future__``
    ``flags``, or None if it does not parse."""
    try:
        return compile(TransformerManager().transform_cell(source), "<cell>", "exec",
                       ast.PyCF_ONLY_AST | flags, dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def future_flags(tree: ast.AST) -> int:
    """The compiler flags a cell's ``from __future__ import ...`` leave in effect for later cells."""
    flags = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            for alias in node.names:
                feature = getattr(__future__, alias.name, None)
                flags |= getattr(feature, "compiler_flag", 0)
    return flags


class Lab:
    """What the lab's own cells use, which a student may use too."""

    def __init__(self, trusted_sources: list[str]) -> None:
        self.imports: set[str] = set()
        self.private: set[str] = set()
        self.aliases: dict[str, str] = {}
        for source in trusted_sources:
            tree = parse(source)
            if tree is None:
                continue
            self.aliases.update(_imports(tree))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    self.imports |= {alias.name for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module:
                    self.imports.add(node.module)
                elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not DUNDER.fullmatch(node.attr):
                    self.private.add(node.attr)

    def import_ok(self, module: str) -> bool:
        """True for the lab's own imports and the common safe ones, never for interpreter or process control."""
        if module == "IPython.display" or module.startswith("IPython.display."):
            return True
        top = module.split(".")[0]
        known = SAFE_IMPORTS | {m.split(".")[0] for m in self.imports}
        return top in known and top not in NEVER


class Scanner(ast.NodeVisitor):
    """Collect findings for one cell: (line, what)."""

    def __init__(self, lab: Lab, aliases: dict[str, str]) -> None:
        self.lab, self.aliases, self.found = lab, aliases, []
        self.called: set[int] = set()  # Name nodes that are the function of a call

    def flag(self, node: ast.AST, what: str) -> None:
        self.found.append((getattr(node, "lineno", 0), what))

    def module_of(self, node: ast.AST) -> str | None:
        return self.aliases.get(node.id) if isinstance(node, ast.Name) else None

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if not self.lab.import_ok(alias.name):
                self.flag(node, f"imports {alias.name}")

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if module == "__future__" and any(alias.name == "barry_as_FLUFL" for alias in node.names):
            self.flag(node, "imports barry_as_FLUFL from __future__ (a grammar in which `<>` means `!=`)")
        if node.level or not self.lab.import_ok(module):
            self.flag(node, f"imports from {'.' * node.level}{module}")
            return
        allowed = {"sys": SYS_OK, "os": OS_OK}.get(module)
        for alias in node.names:
            if alias.name == "*" or (allowed is not None and alias.name not in allowed) or alias.name in BAD_ATTRS \
                    or alias.name in BAD_NAMES or DUNDER.fullmatch(alias.name):
                self.flag(node, f"imports {alias.name} from {module}")

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in BAD_NAMES or HISTORY.match(node.id):
            self.flag(node, f"uses {node.id}")
        elif node.id in ATTRIBUTE_FUNCTIONS and id(node) not in self.called:
            self.flag(node, f"passes {node.id} as a value (attribute names computed at run time)")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr, module = node.attr, self.module_of(node.value)
        store = isinstance(node.ctx, (ast.Store, ast.Del))
        if DUNDER.fullmatch(attr) and attr not in ALLOWED_DUNDERS:
            self.flag(node, f"uses .{attr}")
        elif module == "sys" and (attr not in SYS_OK or store):
            self.flag(node, f"uses sys.{attr}")
        elif module == "os" and attr not in OS_OK:
            self.flag(node, f"uses os.{attr}")
        elif attr in BAD_ATTRS:
            self.flag(node, f"uses .{attr}")
        elif attr.startswith("_") and not DUNDER.fullmatch(attr) and attr not in self.lab.private:
            self.flag(node, f"uses private attribute .{attr}")
        elif module is not None and store:
            self.flag(node, f"assigns to {module}.{attr}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        self.called.add(id(func))
        magic = self._magic(node)
        if magic is not None:
            return
        if isinstance(func, ast.Name) and func.id == "getattr":
            name = node.args[1] if len(node.args) > 1 else None
            if not (isinstance(name, ast.Constant) and isinstance(name.value, str)) or DUNDER.fullmatch(name.value) \
                    or name.value in BAD_ATTRS:
                self.flag(node, "uses getattr with a computed or special name")
        if isinstance(func, ast.Name) and func.id == "type" and len(node.args) == 3:
            self.flag(node, "creates a class with type()")
        for keyword in node.keywords:
            value = getattr(keyword.value, "value", None)
            if (keyword.arg, value) in (("allow_pickle", True), ("weights_only", False)):
                self.flag(node, f"loads pickles ({keyword.arg}=...)")
        self.generic_visit(node)

    def _magic(self, node: ast.Call) -> str | None:
        """Handle ``get_ipython().run_line_magic(...)`` and friends: allowed magics get their code scanned."""
        func = node.func
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
                and isinstance(func.value.func, ast.Name) and func.value.func.id == "get_ipython"
                and func.attr in ("run_line_magic", "run_cell_magic", "system", "getoutput")):
            return None
        args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if func.attr in ("run_line_magic", "run_cell_magic") and args and args[0] in ALLOWED_MAGICS:
            for code in args[1:]:
                tree = parse(code)
                if tree is not None:
                    self.visit(tree)
            return args[0]
        what = {"system": "runs a shell command", "getoutput": "runs a shell command"}.get(func.attr)
        self.flag(node, what or f"uses the magic %{args[0] if args else func.attr}")
        return func.attr

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if any(k.arg == "metaclass" for k in node.keywords):
            self.flag(node, f"class {node.name} has a metaclass")
        for item in node.body:
            names = [item.name] if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) else [
                t.id for t in getattr(item, "targets", [getattr(item, "target", None)]) if isinstance(t, ast.Name)]
            for name in names:
                if name in OVERRIDES:
                    self.flag(item, f"class {node.name} defines {name}")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            text = node.value
            words = BAD_WORDS.findall(text)
            words += [d for d in DUNDER.findall(text) if d not in ALLOWED_DUNDERS and d != "__main__"]
            if words:
                self.flag(node, f"string mentions {words[0]}")


def scan(cells: list[tuple[str, str]], lab: Lab, context: list[str] = ()) -> tuple[list[str], list[str]]:
    """Findings for the student's cells ``(label, source)`` and the labels of cells the scan could not read;
    ``context`` holds the other cells run with them. Cells are read in order with the ``__future__`` flags
    that earlier cells left in the kernel's compiler, as the kernel reads them."""
    aliases, flags, trees = dict(lab.aliases), 0, []
    for source in context:
        tree = parse(source)
        if tree is not None:
            aliases.update(_imports(tree))
    for _, source in cells:
        tree = parse(source, flags)
        trees.append(tree)
        if tree is not None:
            aliases.update(_imports(tree))
            flags |= future_flags(tree)
    evidence, unread = [], []
    for (label, _), tree in zip(cells, trees):
        if tree is None:
            unread.append(label)
            continue
        scanner = Scanner(lab, aliases)
        scanner.visit(tree)
        for line, what in sorted(set(scanner.found)):
            evidence.append(f"{label} line {line}: {what}")
    return evidence, unread
