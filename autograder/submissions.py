"""Find submissions: a folder or zip of ``<student>_<lab>.ipynb`` files, or nbgrader's layout."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .labs import UsageError, all_labs

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass
class Submission:
    """One file handed in. ``problem`` says why it cannot be graded (it then scores zero)."""

    student: str
    lab: str
    origin: str
    data: bytes = b""
    problem: str | None = None


def parse_name(name: str, labs: list[str]) -> tuple[str, str] | str:
    """``alice_01_tokenizers.ipynb`` -> ("alice", "01_tokenizers"); a string says what is wrong."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    for lab in sorted(labs, key=len, reverse=True):
        if stem.endswith("_" + lab) and len(stem) > len(lab) + 1:
            return stem[: -len(lab) - 1], lab
    match = re.match(r"^(.+?)_(\d\d_[A-Za-z0-9_]+)$", stem)
    if match:
        return f"unknown lab {match.group(2)!r} in {name!r}; labs are: {', '.join(labs)}"
    return f"cannot tell student and lab from {name!r} (expected <student>_<lab>.ipynb)"


def _entry(name: str, origin: str, read, labs: list[str], lab_hint: str | None = None,
           student_hint: str | None = None) -> Submission | str:
    if student_hint is not None and lab_hint is not None:
        student, lab = student_hint, lab_hint
    else:
        parsed = parse_name(name, labs)
        if isinstance(parsed, str):
            return f"skipped {origin}: {parsed}"
        student, lab = parsed
    if not STUDENT_ID.match(student):
        return f"skipped {origin}: student id {student!r} has characters other than letters, digits, . _ -"
    if not name.endswith(".ipynb"):
        return Submission(student, lab, origin, problem=f"not a notebook: {name!r} is not an .ipynb file")
    return Submission(student, lab, origin, data=read())


def collect(path: Path, lab_filter: str | None = None) -> tuple[list[Submission], list[str]]:
    """Submissions under ``path`` (folder or .zip) and one-line notes about files that were skipped."""
    labs = all_labs()
    entries: list[Submission | str] = []
    if not path.exists():
        raise UsageError(f"no such file or folder: {path}")
    if path.is_file():
        if not zipfile.is_zipfile(path):
            raise UsageError(f"{path} is neither a folder nor a zip file")
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                base = Path(info.filename).name  # never trust folders inside an archive
                if info.is_dir() or base.startswith(".") or info.filename.startswith("__MACOSX"):
                    continue
                entries.append(_entry(base, f"{path.name}:{info.filename}", lambda i=info: zf.read(i), labs))
    else:
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = file.relative_to(path)
            if any(part.startswith(".") for part in rel.parts) or ".ipynb_checkpoints" in rel.parts:
                continue
            if len(rel.parts) == 3:  # nbgrader layout: <student>/<lab>/<lab>.ipynb
                student, lab = rel.parts[0], rel.parts[1]
                if lab not in labs:
                    entries.append(f"skipped {rel}: unknown lab {lab!r}; labs are: {', '.join(labs)}")
                elif rel.suffix == ".ipynb":
                    entries.append(_entry(rel.name, str(rel), file.read_bytes, labs, lab, student))
                continue  # other files beside a notebook (data, images) are not submissions
            if len(rel.parts) == 1:
                entries.append(_entry(rel.name, str(rel), file.read_bytes, labs))
            else:
                entries.append(f"skipped {rel}: not <student>_<lab>.ipynb nor <student>/<lab>/<lab>.ipynb")
    submissions, notes, seen = [], [], set()
    for entry in entries:
        if isinstance(entry, str):
            notes.append(entry)
        elif lab_filter and entry.lab != lab_filter:
            continue
        elif (entry.student, entry.lab) in seen:
            notes.append(f"skipped {entry.origin}: a second submission from {entry.student} for {entry.lab}")
        else:
            seen.add((entry.student, entry.lab))
            submissions.append(entry)
    return submissions, notes
