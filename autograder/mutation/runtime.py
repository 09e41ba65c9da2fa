"""Helpers that some mutants call at run time, as ``__mutation__`` in the notebook's namespace.

Each is a decorator factory taking a parameter name. ``modifies`` and ``global_for`` may find nothing to
do (an immutable argument, no global to use instead): a mutant whose helper never acted is *inert*, not
counted, since it behaves exactly like the reference.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

_PLAIN = (int, float, complex, bool, str, bytes, tuple, frozenset, type(None))


class Runtime:
    def __init__(self, namespace: dict, hidden: set[str] = frozenset()):
        self.namespace = namespace
        self.hidden = hidden  # the shell's own names (In, Out, exit, ...)
        self.inert: bool | None = None  # None: no helper that can be inert; True until one acts

    def modifies(self, name: str) -> Callable:
        """Return the right result, then change the caller's ``name`` in place (a list loses an item...)."""
        self.inert = True

        def after(bound: inspect.BoundArguments, result):
            if name in bound.arguments and modify(bound.arguments[name]):
                self.inert = False
            return result

        return _wrap(name, after=after)

    def global_for(self, name: str) -> Callable:
        """Ignore the argument ``name``: use the global of that name, else the latest global of its type."""
        self.inert = True

        def before(bound: inspect.BoundArguments):
            found = self._global(name, bound.arguments[name])
            if found is not _MISSING:
                self.inert = False
                bound.arguments[name] = found

        return _wrap(name, before=before)

    def frozen(self, name: str) -> Callable:
        """Ignore the argument ``name``: every call gets the value of the first call."""
        first = []

        def before(bound: inspect.BoundArguments):
            if not first:
                first.append(bound.arguments[name])
            bound.arguments[name] = first[0]

        return _wrap(name, before=before)

    def _global(self, name: str, value):
        if name in self.namespace and name not in self.hidden:
            return self.namespace[name]
        if isinstance(value, _PLAIN):
            return _MISSING
        same = [v for k, v in self.namespace.items()
                if type(v) is type(value) and not k.startswith("_") and k not in self.hidden]
        return same[-1] if same else _MISSING


_MISSING = object()


def _wrap(name: str, before=None, after=None) -> Callable:
    def decorate(func: Callable) -> Callable:
        signature = inspect.signature(func)

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            if before and name in bound.arguments:
                before(bound)
            result = func(*bound.args, **bound.kwargs)
            return after(bound, result) if after else result

        return wrapper

    return decorate


def modify(value) -> bool:
    """Change a mutable container or array in place; False if it can't be (immutable, empty array...)."""
    if isinstance(value, list):
        value.pop() if value else value.append(None)
    elif isinstance(value, dict):
        value.popitem() if value else value.__setitem__("__mutant__", None)
    elif isinstance(value, (set, bytearray)):
        value.pop() if value else (value.add(None) if isinstance(value, set) else value.append(0))
    elif _is_array(value):
        return _bump(value)
    else:
        return False
    return True


def _is_array(value) -> bool:
    return type(value).__module__.split(".")[0] in ("numpy", "torch") and hasattr(value, "shape")


def _bump(array) -> bool:
    """Add 1 to (or negate) the first element of a NumPy array or torch tensor."""
    if getattr(array, "size", 1) == 0 or (hasattr(array, "numel") and array.numel() == 0):
        return False
    if type(array).__module__.startswith("torch"):
        import torch

        with torch.no_grad():
            data = array.data
            first = (0,) * data.dim()
            data[first] = ~data[first] if data.dtype == torch.bool else data[first] + 1
        return True
    if not array.flags.writeable or array.dtype == object:
        return False
    first = (0,) * array.ndim
    array[first] = ~array[first] if array.dtype == bool else array[first] + 1
    return True
