"""Ready the autograder's feedback for ``nbgrader release_feedback``.

nbgrader releases ``feedback/<student>/<lab>/<lab>.html`` under a name only the submitting student can
compute: a hash of the ``submission_secret.txt`` that ``nbgrader submit`` wrote into the submission and into
the student's own cache. ``collect`` brings that file and ``timestamp.txt`` into ``submitted/``; this copies
them beside each feedback page (what ``nbgrader generate_feedback`` does), so ``fetch_feedback`` gives each
student their own page and nobody else's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .grade import Result

STAMPS = ("timestamp.txt", "submission_secret.txt")


def stamp_feedback(results: list[Result], source: Path) -> int:
    """Copy the exchange's stamps next to each feedback page graded from ``source``; return how many pages."""
    count = 0
    for r in results:
        if r.status == "skipped" or not r.feedback or not source.is_dir():
            continue
        folder, page = source / Path(r.file).parent, Path(r.feedback)
        stamps = [folder / name for name in STAMPS]
        if all(p.is_file() and not p.is_symlink() for p in stamps):
            for stamp in stamps:
                shutil.copyfile(stamp, page.parent / stamp.name)
            count += 1
    return count
