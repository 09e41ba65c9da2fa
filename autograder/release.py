"""Generate the student release (``course/``) from the source notebooks (``lab_solutions/``)."""

from __future__ import annotations

from pathlib import Path

import nbformat

from . import nbgrader_api
from .labs import source_notebook
from .stamp import stamp


def release(lab: str, release_dir: Path | None = None) -> Path:
    """Regenerate ``course/<lab>/`` (or ``release_dir/<lab>/``): no solutions, hidden tests or outputs."""
    api = nbgrader_api.api()
    if release_dir is not None:
        api.coursedir.release_directory = str(release_dir)
    nbgrader_api.run(api.generate_assignment(lab, force=True, create=True), f"release of {lab}")
    path = Path(api.coursedir.format_path(api.coursedir.release_directory, ".", lab)) / f"{lab}.ipynb"
    nb = nbformat.read(path, as_version=4)
    stamp(nb, lab)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)  # run timestamps from the source's last execution
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, path)
    return path


def stamp_source(lab: str) -> bool:
    """Rewrite the source notebook's header cells; return True if they changed."""
    path = source_notebook(lab)
    nb = nbformat.read(path, as_version=4)
    changed = stamp(nb, lab)
    if changed:
        nbformat.write(nb, path)
    return changed
