"""Grader code that runs inside the student's kernel, installed by ``sandbox_init`` before any student code.

``warden(fd)`` installs a CPython audit hook (it cannot be removed) and owns the **result channel**: a
private file descriptor (a copy of the kernel's original stderr, the kernel log outside the sandbox, which
student code cannot open). Every record on it is signed with a key that the warden writes first, before
any student code exists; the grader accepts only records with a valid signature. Nothing the grader
scores passes through the kernel's stdout, its messages, its session or the notebook's globals.

The grader's cells only raise audit events: ``nlpgrade.install`` (the first cell: record the kernel's
state), ``nlpgrade.run`` with ``(k, grade_id, source_base64)`` for each test, and ``nlpgrade.final``. The
test runs *inside the audit hook*: student code that replaces names, hooks outputs or patches message
classes can at most stop the event, and then no signed verdict exists and the test scores 0. For each
test the hook

1. puts back what student code changed (``Baseline.restore``: input and AST transformers, custom exception
   handlers, event hooks, display and exception hooks, trace and profile functions, standard streams,
   builtins, methods of the shell, kernel, streams and session, functions of standard-library modules,
   ``__future__`` flags of the kernel's compiler), listing each change as evidence;
2. runs the test source with the original ``compile`` and ``exec``, catching everything;
3. signs a verdict ``(k, grade_id, ok, exception name, line, sha256 of the source, evidence)``.

The hook also records, signed, every sensitive event that student code causes directly (the nearest
frame that is not in ``inspect`` is a student's): frames (``sys._getframe``, ``f_code``, ``tb_frame``,
``gi_frame``), ``gc`` referrers and objects, ``ctypes``, attributes set on classes and functions,
``compile``, ``exec``, code and function construction, trace and audit hooks, and any cell compiled
with the ``barry_as_FLUFL`` future; it refuses (and records) any attempt to open, truncate, re-flag or
change the mode of the result channel. What this does not stop is in the README ("What is and is not
protected").
"""

import _hashlib
import base64
import builtins
import collections  # noqa: F401  (imported so that their functions are in the baseline)
import functools
import hashlib
import itertools  # noqa: F401
import math  # noqa: F401
import operator  # noqa: F401
import os
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
BARRY = 0x400000  # __future__.CO_FUTURE_BARRY_AS_BDFL: `<>` for `!=`, a grammar the scan would not read
WATCHED = frozenset({
    "sys._getframe", "sys._current_frames", "sys.settrace", "sys.setprofile", "sys.addaudithook",
    "object.__getattr__", "object.__setattr__", "object.__delattr__", "gc.get_objects", "gc.get_referrers",
    "gc.get_referents", "compile", "exec", "code.__new__", "function.__new__", "marshal.loads",
    "open", "os.truncate", "os.chmod", "fcntl.fcntl", "nlpgrade.install", "nlpgrade.run", "nlpgrade.final",
})
ALWAYS = frozenset({"sys.addaudithook"})
PROXIES = ("/inspect.py",)  # library frames that hand frames to their caller: the event is the caller's
MAX_FLAGS = 64
F_SETFL = 4
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
                   sys.displayhook, sys.stdout, sys.stderr, kernel, getattr(kernel, "session", None),
                   getattr(sys.stdout, "session", None), getattr(shell.display_pub, "session", None)]
        self.objects = [(obj, _callables(obj)) for obj in watched if obj is not None]
        classes = {cls for obj in watched if obj is not None for cls in type(obj).__mro__ if cls is not object}
        self.classes = [(cls, _callables(cls)) for cls in classes]
        self.handlers = [(table, dict(table)) for table in (getattr(kernel, "shell_handlers", None),
                                                            getattr(kernel, "control_handlers", None))
                         if isinstance(table, dict)]
        self.stdlib = _stdlib_functions()
        self.threads = set(threading.enumerate())
        self.flags = shell.compile.flags
        self.stream_hooks = [(stream, list(getattr(stream, "_hooks", ()))) for stream in (sys.stdout, sys.stderr)]

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
        if shell.compile.flags != self.flags:
            if shell.compile.flags & BARRY:
                evidence.append("from __future__ import barry_as_FLUFL (a grammar the scan does not read)")
            shell.compile.flags = self.flags
        for stream, hooks in self.stream_hooks:
            now = getattr(stream, "_hooks", None)
            if now is not None and list(now) != hooks:
                evidence.append("an output hook was registered on the kernel's output stream")
                now[:] = hooks
        for thread in threading.enumerate():
            if thread not in self.threads and thread.is_alive():
                target = getattr(thread, "_target", None) or type(thread).run
                if origin(target) == "student":
                    evidence.append(f"thread started by student code still running: {name_of(target)}")
        return evidence


def warden(fd: int, trusted: tuple = ()) -> None:
    """Install the audit hook that owns the result channel ``fd``; write the signing key first.
    ``trusted``: folders of course code (``nlpcourse/``) whose frames count as library code."""
    key = os.urandom(32)
    write, fstat, stat, getframe = os.write, os.fstat, os.stat, sys._getframe
    digest, sha256, b64decode, get_ident = _hashlib.hmac_digest, hashlib.sha256, base64.b64decode, threading.get_ident
    compile_, exec_, repr_, isinstance_, str_, bytes_, int_ = compile, exec, repr, isinstance, str, bytes, int
    known = LIBRARY + tuple(str(p).rstrip("/") + "/" for p in trusted)
    channel = fstat(fd)
    channel_id = (channel.st_dev, channel.st_ino)
    busy: set = set()  # threads inside the hook's own work (its frame walks raise events too)
    state: dict = {"baseline": None, "flags": 0, "user_ns": None}
    write(fd, f"{TAG}key {key.hex()}\n".encode())

    def send(record: tuple) -> None:
        payload = repr_(record).encode("utf-8", "backslashreplace")
        try:
            write(fd, (TAG + digest(key, payload, "sha256").hex() + " ").encode() + payload + b"\n")
        except OSError:
            pass  # the channel is gone or full: the grader finds no verdict and scores the test 0

    def flag(what: str) -> None:
        state["flags"] += 1
        if state["flags"] <= MAX_FLAGS:
            send(("flag", what[:300]))

    def is_channel(target) -> bool:
        try:
            info = fstat(target) if isinstance_(target, int_) else stat(target)
        except (OSError, TypeError, ValueError):
            return False
        return (info.st_dev, info.st_ino) == channel_id

    def student_frame():
        """The nearest frame outside the hook and ``inspect`` if a student wrote it, else None."""
        frame = getframe(2)
        while frame is not None:
            name = frame.f_code.co_filename
            if not name.endswith(PROXIES):
                if name.startswith(known) or name.startswith(("<frozen", "<nlpgrade", "<test ")):
                    return None
                return frame
            frame = frame.f_back
        return None

    def where(frame) -> str:
        return f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno}"

    def describe(event: str, args: tuple) -> str:
        if event in ("object.__getattr__", "object.__setattr__", "object.__delattr__") and len(args) > 1:
            return f"{event} {type(args[0]).__name__}.{str_(args[1])[:60]}"
        if event == "compile" and len(args) > 1:
            return f"compile of {str_(args[1])[:60]}"
        return event

    def run(args: tuple) -> None:
        baseline = state["baseline"]
        if baseline is None or len(args) != 3:
            flag("nlpgrade.run raised before install or with the wrong arguments")
            return
        k, grade_id, encoded = args
        busy.add(get_ident())
        try:
            evidence = baseline.restore()
            source = b64decode(encoded).decode("utf-8")
        finally:
            busy.discard(get_ident())
        ok, ename, line, filename = True, "", 0, f"<test {grade_id}>"
        try:
            exec_(compile_(source, filename, "exec", dont_inherit=True), baseline.user_ns)
        except BaseException as exc:  # a test fails on anything, KeyboardInterrupt (timeout) included
            kind = type(exc)
            ok, ename = False, kind.__name__ if kind.__module__ == "builtins" else "Error"
            tb = exc.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == filename:
                    line = tb.tb_lineno
                tb = tb.tb_next
        busy.add(get_ident())
        try:
            evidence += baseline.restore()
            send(("verdict", int_(k), str_(grade_id), ok, str_(ename), int_(line),
                  sha256(source.encode("utf-8")).hexdigest(), sorted(set(str_(e)[:300] for e in evidence))))
        finally:
            busy.discard(get_ident())

    def hook(event: str, args: tuple) -> None:
        if event not in WATCHED and not event.startswith("ctypes."):
            return
        tid = get_ident()
        if tid in busy:
            return
        if event == "nlpgrade.run":
            run(args)
            return
        busy.add(tid)
        try:
            if event == "nlpgrade.install":
                if state["baseline"] is None:
                    from IPython import get_ipython

                    state["baseline"] = Baseline(get_ipython())
                    send(("installed",))
                else:
                    flag("nlpgrade.install raised again")
            elif event == "nlpgrade.final":
                baseline = state["baseline"]
                send(("final", sorted(set(str_(e)[:300] for e in baseline.restore())) if baseline else []))
            elif event in ("open", "os.truncate", "os.chmod", "fcntl.fcntl"):
                # opening it by a path (/proc/self/fd/N) could read the key; truncating, changing its mode or
                # clearing O_APPEND could erase records. Writing to the descriptor only adds unsigned lines.
                target = args[0] if args else None
                if event == "open" and isinstance_(target, int_):
                    target = None
                if event == "fcntl.fcntl" and not (len(args) > 2 and args[1] == F_SETFL
                                                   and not (isinstance_(args[2], int_) and args[2] & os.O_APPEND)):
                    target = None
                if isinstance_(target, (str_, bytes_, int_)) and is_channel(target):
                    flag(f"{event} of the result channel (refused)")
                    raise PermissionError("the grader's result channel")
            else:
                if event == "exec" and args and getattr(args[0], "co_flags", 0) & BARRY:
                    flag("a cell compiled with from __future__ import barry_as_FLUFL ran")
                frame = student_frame()
                if frame is not None or event in ALWAYS:
                    flag(f"{describe(event, args)} at {where(frame) if frame is not None else 'library code'}")
        finally:
            busy.discard(tid)

    sys.addaudithook(hook)
