"""nbgrader configuration for the course.

Plain ``nbgrader <command>`` from the repository root reads it through ``nbgrader_config.py`` there;
``python -m autograder`` loads it directly. ``release`` and ``validate`` use nbgrader; ``grade`` does not run
nbgrader's autograde (see ``grade.py``: a sandboxed kernel, tests from the source notebook, scores computed
outside the kernel). The Execute and feedback settings below serve ``validate`` only.

Two editions, two nbgrader courses on the exchange: ``nlp-course-ko`` releases ``course/ko/LAB`` and
``nlp-course-en`` releases ``course/en/LAB``. The edition comes from ``--course nlp-course-XX`` on the command
line, else from ``NLPCOURSE_EDITION`` (``ko`` or ``en``), else ``ko``. Both editions share one gradebook: they
are graded from the same source with the same grade ids (nbgrader's gradebook keys assignments by name).

Everything nbgrader writes stays in the work folder (``NLPCOURSE_WORKDIR``, default ``autograder/``) and the
exchange (``NLPCOURSE_EXCHANGE``, default ``<work>/exchange``; on a hub the shared one).
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (injected by traitlets)

REPO = Path(__file__).resolve().parent.parent
HERE = REPO / "autograder"
COURSE = "nlp-course"
EDITIONS = ("ko", "en")


def edition() -> str:
    """The edition named by ``--course nlp-course-XX`` on the command line, else NLPCOURSE_EDITION, else ko."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        for flag in ("--course", "--CourseDirectory.course_id"):
            value = arg[len(flag) + 1:] if arg.startswith(flag + "=") else \
                args[i + 1] if arg == flag and i + 1 < len(args) else None
            if value and value.startswith(COURSE + "-") and value[len(COURSE) + 1:] in EDITIONS:
                return value[len(COURSE) + 1:]
    lang = os.environ.get("NLPCOURSE_EDITION", "ko")
    if lang not in EDITIONS:
        raise ValueError(f"NLPCOURSE_EDITION must be one of {', '.join(EDITIONS)}, not {lang!r}")
    return lang


LANG = edition()
c.CourseDirectory.root = str(REPO)
c.CourseDirectory.course_id = f"{COURSE}-{LANG}"
c.CourseDirectory.source_directory = "lab_solutions"
c.CourseDirectory.release_directory = f"course/{LANG}"
# Grading work folders (git-ignored) live in autograder/ unless NLPCOURSE_WORKDIR points elsewhere.
WORK = Path(os.environ.get("NLPCOURSE_WORKDIR") or HERE).resolve()
WORK.mkdir(parents=True, exist_ok=True)
c.CourseDirectory.submitted_directory = str(WORK / "submitted")
c.CourseDirectory.autograded_directory = str(WORK / "autograded")
c.CourseDirectory.feedback_directory = str(WORK / "feedback")
c.CourseDirectory.solution_directory = str(WORK / "solution")
# SQLite in the work folder by default; any SQLAlchemy URL via NLPCOURSE_GRADEBOOK_URL.
c.CourseDirectory.db_url = os.environ.get("NLPCOURSE_GRADEBOOK_URL") or f"sqlite:///{WORK / 'gradebook.db'}"
# The exchange: never nbgrader's system-wide default. Submit's cache (a student's own copies) goes beside it
# here; on a hub each student's server keeps it in their home (see jupyterhub/).
c.Exchange.root = os.environ.get("NLPCOURSE_EXCHANGE") or str(WORK / "exchange")
c.Exchange.cache = os.environ.get("NLPCOURSE_EXCHANGE_CACHE") or str(WORK / "exchange-cache")
c.Exchange.path_includes_course = True  # a student can fetch both editions: ./nlp-course-ko/LAB, ./nlp-course-en/LAB
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]

# Release: strip solutions and hidden tests; keep the student notebooks free of outputs.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.GenerateAssignment.create_assignment = True

# validate runs in fast mode (nbgrader sets NBGRADER_EXECUTION, which nlpcourse honours).
c.Execute.timeout = int(os.environ.get("NLPCOURSE_CELL_TIMEOUT", "60"))
c.Execute.interrupt_on_timeout = True
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
c.Autograde.create_student = True
c.OverwriteCells.add_missing_cells = True  # a deleted test cell is put back, never skipped
c.LimitOutput.max_lines = 200

# Feedback: never show hidden tests, neither their source nor tracebacks that quote them.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "autograder.feedback.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
