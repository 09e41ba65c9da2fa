"""nbgrader configuration for the course: ``python -m autograder`` loads it (so does ``nbgrader --config``).

``release`` and ``validate`` use nbgrader; ``grade`` does not run nbgrader's autograde (see ``grade.py``:
a sandboxed kernel, tests from the source notebook, scores computed outside the kernel). The Execute and
feedback settings below serve ``validate`` and plain ``nbgrader autograde``, which is not sandboxed.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821  (injected by traitlets)

REPO = Path(__file__).resolve().parent.parent
HERE = REPO / "autograder"

c.CourseDirectory.root = str(REPO)
c.CourseDirectory.course_id = "nlp-course"
c.CourseDirectory.source_directory = "lab_solutions"
c.CourseDirectory.release_directory = "course"
# Grading work folders (git-ignored) live in autograder/ unless NLPCOURSE_WORKDIR points elsewhere.
WORK = Path(os.environ.get("NLPCOURSE_WORKDIR") or HERE).resolve()
WORK.mkdir(parents=True, exist_ok=True)
c.CourseDirectory.submitted_directory = str(WORK / "submitted")
c.CourseDirectory.autograded_directory = str(WORK / "autograded")
c.CourseDirectory.feedback_directory = str(WORK / "feedback")
c.CourseDirectory.solution_directory = str(WORK / "solution")
# SQLite in the work folder by default; any SQLAlchemy URL via NLPCOURSE_GRADEBOOK_URL.
c.CourseDirectory.db_url = os.environ.get("NLPCOURSE_GRADEBOOK_URL") or f"sqlite:///{WORK / 'gradebook.db'}"
c.Exchange.root = str(WORK / "exchange")  # unused (no JupyterHub exchange), but nbgrader checks it
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]

# Release: strip solutions and hidden tests; keep the student notebooks free of outputs.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.GenerateAssignment.create_assignment = True

# validate and plain nbgrader run in fast mode (nbgrader sets NBGRADER_EXECUTION, which nlpcourse honours).
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
