"""Read the warden's result channel: the signed records a grading kernel's audit hook wrote (``probe.py``).

The first record is the signing key, written before any student code ran. A record counts only with a
valid signature; any other line that carries the tag is a forgery attempt, which is evidence.
"""

from __future__ import annotations

import ast
import hashlib
import hmac
from dataclasses import dataclass, field

from .probe import TAG

MAX_RECORD = 1 << 16


@dataclass
class Records:
    verdicts: dict[int, list[tuple]] = field(default_factory=dict)  # k -> every signed verdict for test k
    flags: list[str] = field(default_factory=list)  # sensitive events caused by student code
    finals: list[list[str]] = field(default_factory=list)  # evidence of the final check
    installed: int = 0
    forged: int = 0  # tagged lines without a valid signature
    keyed: bool = False


def read(data: bytes) -> Records:
    """Every signed record in the kernel log ``data``."""
    records, key, tag = Records(), None, TAG.encode()
    for line in data.split(b"\n"):
        if not line.startswith(tag):
            continue
        body = line[len(tag):]
        if key is None:
            if body.startswith(b"key "):
                key, records.keyed = bytes.fromhex(body[4:].decode("ascii", "replace").strip()), True
            else:
                records.forged += 1
            continue
        mac, _, payload = body.partition(b" ")
        good = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
        if len(payload) > MAX_RECORD or not hmac.compare_digest(mac, good):
            records.forged += 1
            continue
        try:
            record = ast.literal_eval(payload.decode("utf-8"))
        except (ValueError, SyntaxError, UnicodeDecodeError, MemoryError, RecursionError):
            records.forged += 1
            continue
        _add(records, record)
    return records


def _add(records: Records, record: tuple) -> None:
    kind = record[0] if isinstance(record, tuple) and record else None
    if kind == "verdict" and len(record) == 8 and isinstance(record[1], int):
        records.verdicts.setdefault(record[1], []).append(record)
    elif kind == "flag":
        records.flags.append(str(record[1]))
    elif kind == "final":
        records.finals.append([str(e) for e in record[1]])
    elif kind == "installed":
        records.installed += 1
