"""Find submissions: a folder or zip of ``<student>_<lab>.ipynb`` files, or nbgrader's layout.

A student's name may have spaces or any script (``김민수_01_tokenizers.ipynb``): it stays as written in
``grades.csv`` and a safe id (ASCII, plus a hash when anything had to change) names the student's folders.
A browser's copy suffix (``alice_01_tokenizers (1).ipynb``) is ignored. Symbolic links are refused. When a
student has several files for one lab, the newest wins (the time the LMS stored in the zip, else the
file's modification time; equal times: the last name) and the others are listed as skipped. Every file
that is not graded is listed with a reason.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .labs import UsageError, all_labs
from .messages import Note

STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
COPY_SUFFIX = re.compile(r"\s*\(\d+\)$")


@dataclass
class Submission:
    """One file handed in. ``problem`` says why it cannot be graded (it then scores zero)."""

    student: str
    lab: str
    origin: str
    data: bytes = b""
    problem: Note | None = None
    mtime: float = 0.0
    note: Note | None = None  # how it was chosen among several files

    @property
    def student_id(self) -> str:
        return safe_id(self.student)


@dataclass
class Skipped:
    """A file that is not graded, and why."""

    origin: str
    note: Note
    student: str = ""
    lab: str = ""


def safe_id(student: str) -> str:
    """``student`` if it is already a safe folder name, else an ASCII version and a short hash."""
    if STUDENT_ID.match(student):
        return student
    ascii_name = unicodedata.normalize("NFKD", student).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).strip("._-")
    digest = hashlib.sha256(student.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"s-{digest}"


def parse_name(name: str, labs: list[str]) -> tuple[str, str] | Note:
    """``alice_01_tokenizers.ipynb`` -> ("alice", "01_tokenizers"); a Note says what is wrong."""
    name = unicodedata.normalize("NFC", name)
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = COPY_SUFFIX.sub("", stem)
    for lab in sorted(labs, key=len, reverse=True):
        student = stem[: -len(lab) - 1].strip()
        if stem.endswith("_" + lab) and student:
            return student, lab
    match = re.match(r"^(.+?)_(\d\d_[A-Za-z0-9_]+)$", stem)
    if match:
        return Note("unknown_lab", lab=match.group(2), name=name, labs=", ".join(labs))
    return Note("bad_name", name=name)


def _max_bytes() -> int:
    return int(os.environ.get("NLPCOURSE_MAX_SUBMISSION_MB") or 64) << 20


def _entry(name: str, origin: str, read, mtime: float, labs: list[str], size: int,
           student: str | None = None, lab: str | None = None) -> Submission | Skipped:
    """One file; a file too large or unreadable becomes a submission with a problem, never an exception."""
    if student is None or lab is None:
        parsed = parse_name(name, labs)
        if isinstance(parsed, Note):
            return Skipped(origin, parsed)
        student, lab = parsed
    student = unicodedata.normalize("NFC", student)
    if not name.endswith(".ipynb"):
        return Submission(student, lab, origin, problem=Note("not_ipynb", name=name), mtime=mtime)
    if size > _max_bytes():
        return Submission(student, lab, origin, mtime=mtime,
                          problem=Note("too_big", mb=round(size / (1 << 20), 1), limit=_max_bytes() >> 20))
    try:
        return Submission(student, lab, origin, data=read(), mtime=mtime)
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError, zlib.error) as exc:
        return Submission(student, lab, origin, mtime=mtime, problem=Note("unreadable", why=f"{type(exc).__name__}"))


def _ignored(parts: tuple[str, ...]) -> bool:
    return any((p.startswith(".") and p not in (".", "..")) or p == "__MACOSX" for p in parts)


def _from_zip(path: Path, labs: list[str]) -> list[Submission | Skipped]:
    entries = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            base = Path(info.filename).name  # never trust folders inside an archive
            if info.is_dir() or _ignored(Path(info.filename).parts):
                continue
            origin = f"{path.name}:{info.filename}"
            if stat.S_ISLNK(info.external_attr >> 16):
                entries.append(Skipped(origin, Note("symlink")))
                continue
            when = datetime(*info.date_time).timestamp()
            entries.append(_entry(base, origin, lambda i=info: zf.read(i), when, labs, info.file_size))
    return entries


def _from_folder(path: Path, labs: list[str], skip_dirs: tuple[str, ...]) -> list[Submission | Skipped]:
    entries = []
    for root, dirs, files in os.walk(path, followlinks=False):
        rel_root = Path(root).relative_to(path)
        dirs.sort()
        for name in [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            dirs.remove(name)
            if not _ignored((*rel_root.parts, name)):
                entries.append(Skipped(str(rel_root / name), Note("symlink")))
        dirs[:] = [d for d in dirs if not _ignored((d,)) and not (rel_root == Path(".") and d in skip_dirs)]
        for name in sorted(files):
            file, rel = Path(root) / name, rel_root / name
            if _ignored(rel.parts):
                continue
            if file.is_symlink():
                entries.append(Skipped(str(rel), Note("symlink")))
                continue
            info = file.stat()
            mtime = info.st_mtime
            if len(rel.parts) == 3:  # nbgrader layout: <student>/<lab>/<lab>.ipynb
                student, lab = rel.parts[0], rel.parts[1]
                if lab not in labs:
                    entries.append(Skipped(str(rel), Note("unknown_lab", lab=lab, name=str(rel), labs=", ".join(labs))))
                elif name == f"{lab}.ipynb":
                    entries.append(_entry(name, str(rel), file.read_bytes, mtime, labs, info.st_size, student, lab))
                continue  # other files beside a notebook (data, images) are not submissions
            if len(rel.parts) == 1:
                entries.append(_entry(name, str(rel), file.read_bytes, mtime, labs, info.st_size))
            else:
                entries.append(Skipped(str(rel), Note("bad_layout")))
    return entries


def _newest(group: list[Submission]) -> tuple[Submission, list[Skipped]]:
    ordered = sorted(group, key=lambda s: (s.mtime, s.origin))
    chosen = ordered[-1]
    if len(group) > 1:
        when = datetime.fromtimestamp(chosen.mtime).isoformat(sep=" ", timespec="seconds")
        chosen.note = Note("newest_of", n=len(group), when=when)
    return chosen, [Skipped(s.origin, Note("older_file", kept=chosen.origin), s.student, s.lab) for s in ordered[:-1]]


def collect(path: Path, lab_filter: str | None = None,
            skip_dirs: tuple[str, ...] = ()) -> tuple[list[Submission], list[Skipped]]:
    """Submissions under ``path`` (folder or .zip) and the files that are not graded, with reasons."""
    labs = all_labs()
    if not path.exists():
        raise UsageError(f"no such file or folder: {path}")
    if path.is_file():
        if not zipfile.is_zipfile(path):
            raise UsageError(f"{path} is neither a folder nor a zip file")
        entries = _from_zip(path, labs)
    else:
        entries = _from_folder(path, labs, skip_dirs)
    skipped = [e for e in entries if isinstance(e, Skipped)]
    groups: dict[tuple[str, str], list[Submission]] = {}
    for entry in entries:
        if isinstance(entry, Submission) and (not lab_filter or entry.lab == lab_filter):
            groups.setdefault((entry.student, entry.lab), []).append(entry)
    submissions = []
    for group in groups.values():
        chosen, older = _newest(group)
        submissions.append(chosen)
        skipped += older
    submissions.sort(key=lambda s: (s.lab, s.student_id))
    return submissions, skipped
