"""Grader code that runs inside the student's kernel. The grader sends this file's text as the first cell.

``install(nonce)`` runs before any student code: it records the kernel's state and defines the test
runner ``_nlpgrade_<nonce>`` in the user namespace. For each test the grader sends a cell
``_nlpgrade_<nonce>(k, grade_id, source_base64)``; the runner

1. puts back what student code changed: input and AST transformers, custom exception handlers, event
   hooks, display and exception hooks, trace and profile functions, standard streams, builtins, methods
   of the shell and kernel, functions of standard-library modules (library code that registered hooks
   or patched something is left alone);
2. runs the test source itself with ``exec`` (no cell transformer, AST transformer, custom exception
   handler or displayhook ever sees it), catching everything, KeyboardInterrupt and SystemExit included;
3. restores again and prints one line: ``TAG`` + JSON ``{k, id, ok, ename, line, evidence}``.

``_nlpgrade_<nonce>(-1, "", "")`` only reports what changed since the last test. This is tamper
*evidence*: code that runs in the same interpreter can always lie, so the grader also scans the
student's source (``tamper.scan``) and treats any evidence as "needs review".
"""

import base64
import builtins
import collections  # noqa: F401  (imported so that their functions are in the baseline)
import functools
import itertools  # noqa: F401
import json
import math  # noqa: F401
import operator  # noqa: F401
import random  # noqa: F401
import re  # noqa: F401
import statistics  # noqa: F401
import string  # noqa: F401
import sys
import sysconfig
import threading
import unicodedata  # noqa: F401
import warnings  # noqa: F401

TAG = "\x1enlpgrade:"
LISTS = ("input_transformers_post", "ast_transformers")
MANAGER_LISTS = ("cleanup_transforms", "line_transforms", "token_transformers")


def _library_paths() -> tuple:
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    paths |= {value for key, value in sysconfig.get_paths().items() if key in ("stdlib", "platstdlib", "purelib",
                                                                               "platlib")}
    return tuple(sorted(p.rstrip("/") + "/" for p in paths if p))


LIBRARY = _library_paths()


def origin(obj) -> str:
    """``library`` for code installed with Python or the environment, else ``student``."""
    if isinstance(obj, functools.partial):
        return "student"  # libraries do not register partials as hooks; a partial can call anything
    target = getattr(obj, "__func__", obj)
    code = getattr(target, "__code__", None)
    if code is None and not isinstance(target, type):
        call = next((vars(c)["__call__"] for c in type(target).__mro__ if "__call__" in vars(c)), None)
        code = getattr(call, "__code__", None)  # a callable instance of a class written in Python
    if code is not None:
        return "library" if code.co_filename.startswith(LIBRARY) else "student"
    cls = target if isinstance(target, type) else type(target)
    module_name = getattr(cls, "__module__", "") or ""
    if module_name == "__main__":
        return "student"
    filename = getattr(sys.modules.get(module_name), "__file__", None) or ""
    builtin = module_name == "builtins" or module_name in sys.builtin_module_names
    return "library" if builtin or filename.startswith(LIBRARY) else "student"


def name_of(obj) -> str:
    text = getattr(obj, "__qualname__", None) or type(obj).__qualname__
    return "".join(ch for ch in str(text) if ch.isalnum() or ch in "._<>")[:60] or "?"


def _stdlib_functions() -> dict:
    """(module, name) -> function or class, for every loaded standard-library module."""
    stdlib = (sysconfig.get_paths()["stdlib"].rstrip("/") + "/",)
    table = {}
    for mod_name, module in list(sys.modules.items()):
        filename = getattr(module, "__file__", None) or ""
        builtin = mod_name in sys.builtin_module_names
        if mod_name in ("sys", "builtins", "__main__") or not (builtin or filename.startswith(stdlib)):
            continue
        if "site-packages" in filename:
            continue
        for attr, value in list(vars(module).items()):
            if callable(value):
                table[(mod_name, attr)] = value
    return table


def _callables(obj) -> dict:
    try:
        return {k: v for k, v in vars(obj).items() if callable(v)}
    except TypeError:
        return {}


class Baseline:
    """The kernel as it was before student code ran, and how to put it back."""

    def __init__(self, shell) -> None:
        self.shell = shell
        self.user_ns = shell.user_ns
        self.builtins = vars(builtins)
        self.builtin_items = list(self.builtins.items())
        self.lists = {name: (getattr(shell, name), list(getattr(shell, name))) for name in LISTS}
        self.manager = shell.input_transformer_manager
        self.manager_lists = {name: (getattr(self.manager, name), list(getattr(self.manager, name)))
                              for name in MANAGER_LISTS}
        self.events = shell.events
        self.callbacks = shell.events.callbacks
        self.event_lists = {event: (cbs, list(cbs)) for event, cbs in self.callbacks.items()}
        self.custom = (shell.custom_exceptions, shell.CustomTB)
        self.sys_hooks = {name: getattr(sys, name) for name in ("displayhook", "excepthook", "stdout", "stderr",
                                                                "stdin", "breakpointhook", "unraisablehook")}
        self.trace = (sys.gettrace(), sys.getprofile(), threading._trace_hook, threading._profile_hook)
        kernel = getattr(shell, "kernel", None)
        watched = [shell, shell.displayhook, shell.display_pub, shell.events, shell.compile, self.manager,
                   sys.displayhook, sys.stdout, sys.stderr, kernel]
        self.objects = [(obj, _callables(obj)) for obj in watched if obj is not None]
        classes = {cls for obj in watched if obj is not None for cls in type(obj).__mro__ if cls is not object}
        self.classes = [(cls, _callables(cls)) for cls in classes]
        self.handlers = [(table, dict(table)) for table in (getattr(kernel, "shell_handlers", None),
                                                            getattr(kernel, "control_handlers", None))
                         if isinstance(table, dict)]
        self.stdlib = _stdlib_functions()
        self.threads = set(threading.enumerate())

    def restore(self) -> list:
        """Put everything back; return what student code had changed (evidence), one line each."""
        changed = []
        current = self.builtins  # builtins first, without calling any of them (they may be replaced)
        for name, value in self.builtin_items:
            if current.get(name, None) is not value:
                changed.append((name, current.get(name, None)))
                current[name] = value
        evidence = [f"builtin {name} replaced" for name, new in changed if new is None or origin(new) == "student"]
        known = {name for name, _ in self.builtin_items}
        evidence += [f"builtin {name} added" for name in list(current) if name not in known
                     and origin(current[name]) == "student"]
        shell = self.shell
        if shell.user_ns is not self.user_ns:
            evidence.append("the user namespace was replaced")
            shell.user_ns = self.user_ns
        if shell.input_transformer_manager is not self.manager:
            evidence.append("the input transformer manager was replaced")
            shell.input_transformer_manager = self.manager
        for owner, lists in ((shell, self.lists), (self.manager, self.manager_lists)):
            for name, (original, items) in lists.items():
                now = getattr(owner, name)
                extra = [f for f in now if not any(f is g for g in items)]
                evidence += [f"{name} added: {name_of(f)}" for f in extra if origin(f) == "student"]
                if now is not original:
                    evidence.append(f"{name} replaced")
                    setattr(owner, name, original)
                original[:] = items + [f for f in extra if origin(f) == "library"]
        if shell.events is not self.events or shell.events.callbacks is not self.callbacks:
            evidence.append("the event manager was replaced")
            shell.events, self.events.callbacks = self.events, self.callbacks
        for event, cbs in list(self.callbacks.items()):
            original, items = self.event_lists.get(event, (cbs, []))
            extra = [f for f in cbs if not any(f is g for g in items)]
            evidence += [f"{event} hook added: {name_of(f)}" for f in extra if origin(f) == "student"]
            self.callbacks[event] = original
            original[:] = items + [f for f in extra if origin(f) == "library"]
        if (shell.custom_exceptions, shell.CustomTB) != self.custom:
            evidence.append("custom exception handler set")
            shell.custom_exceptions, shell.CustomTB = self.custom
        for name, value in self.sys_hooks.items():
            if getattr(sys, name) is not value:
                if origin(getattr(sys, name)) == "student":
                    evidence.append(f"sys.{name} replaced")
                setattr(sys, name, value)
        if (sys.gettrace(), sys.getprofile(), threading._trace_hook, threading._profile_hook) != self.trace:
            evidence.append("a trace or profile function was set")
            sys.settrace(self.trace[0])
            sys.setprofile(self.trace[1])
            threading._trace_hook, threading._profile_hook = self.trace[2], self.trace[3]
        for obj, table in self.objects:
            now = _callables(obj)
            for name, value in now.items():
                if table.get(name) is not value and origin(value) == "student":
                    evidence.append(f"{type(obj).__name__}.{name} replaced")
                    if name in table:
                        setattr(obj, name, table[name])
                    else:
                        delattr(obj, name)
        for cls, table in self.classes:
            for name, value in _callables(cls).items():
                if table.get(name, value) is not value and origin(value) == "student":
                    evidence.append(f"{cls.__name__}.{name} replaced")
                    setattr(cls, name, table[name])
        for table, original in self.handlers:
            for name, value in list(table.items()):
                if original.get(name) is not value:
                    evidence.append(f"kernel handler {name} replaced")
                    if name in original:
                        table[name] = original[name]
                    else:
                        del table[name]
        for (mod_name, attr), value in self.stdlib.items():
            module = sys.modules.get(mod_name)
            now = getattr(module, "__dict__", {}).get(attr, value)
            if module is not None and now is not value and (origin(now) == "student" or not hasattr(now, "__code__")):
                evidence.append(f"{mod_name}.{attr} replaced")
                setattr(module, attr, value)
        for thread in threading.enumerate():
            if thread not in self.threads and thread.is_alive():
                target = getattr(thread, "_target", None) or type(thread).run
                if origin(target) == "student":
                    evidence.append(f"thread started by student code still running: {name_of(target)}")
        return evidence


def install(nonce: str) -> None:
    """Record the baseline and define the runner ``_nlpgrade_<nonce>`` in the user namespace."""
    from IPython import get_ipython

    shell = get_ipython()
    baseline = Baseline(shell)
    user_ns, stdout = shell.user_ns, sys.stdout
    b64decode, dumps, compile_, exec_ = base64.b64decode, json.dumps, builtins.compile, builtins.exec
    tag = f"{TAG}{nonce}:"

    def runner(k: int, grade_id: str, source: str) -> None:
        evidence = baseline.restore()
        result = {"k": k, "id": grade_id, "ok": True, "ename": "", "line": 0}
        if k >= 0:
            filename = f"<test {grade_id}>"
            try:
                exec_(compile_(b64decode(source).decode("utf-8"), filename, "exec", dont_inherit=True), user_ns)
            except BaseException as exc:  # a test fails on anything, KeyboardInterrupt (timeout) included
                kind = type(exc)
                result["ok"] = False
                result["ename"] = kind.__name__ if kind.__module__ == "builtins" else "Error"
                tb = exc.__traceback__
                while tb is not None:
                    if tb.tb_frame.f_code.co_filename == filename:
                        result["line"] = tb.tb_lineno
                    tb = tb.tb_next
            evidence += baseline.restore()
        result["evidence"] = sorted(set(evidence))
        stdout.flush()
        stdout.write(tag + dumps(result, ensure_ascii=True) + "\n")
        stdout.flush()

    user_ns[f"_nlpgrade_{nonce}"] = runner


if __name__ == "nlpgrade":  # sent as a cell by the grader, with NONCE in its globals
    install(NONCE)  # noqa: F821
