"""Colab bootstrap: the repository URL lives here and nowhere else.

Every lab starts with a badge and a setup cell rendered from these constants
(``python -m autograder stamp`` writes them; a test checks they are in sync).
"""

from __future__ import annotations

REPO_URL = "https://github.com/nlp-course/nlp-course"
BRANCH = "main"
CLONE_DIR = "/content/nlp-course"

# What Colab lacks (it already has torch, transformers, scikit-learn, pandas, matplotlib, tqdm).
COLAB_EXTRA = "colab"

BADGE_CELL_ID = "colab-badge"
SETUP_CELL_ID = "colab-setup"


def edition_path(lab: str, lang: str) -> str:
    """Where an edition of a lab is released, relative to the repository root."""
    return f"course/{lang}/{lab}/{lab}.ipynb"


def colab_url(notebook_path: str) -> str:
    """Colab link that opens ``notebook_path`` (relative to the repository root) from GitHub."""
    repo = REPO_URL.removeprefix("https://github.com/")
    return f"https://colab.research.google.com/github/{repo}/blob/{BRANCH}/{notebook_path}"


def badge_markdown(notebook_path: str) -> str:
    """The 'Open in Colab' badge for a notebook."""
    return (
        f'<a href="{colab_url(notebook_path)}" target="_parent">'
        '<img src="https://colab.research.google.com/assets/colab-badge.svg" alt="Open In Colab"/></a>'
    )


def setup_source(lang: str | None = None) -> str:
    """The first code cell of every lab: on Colab it fetches the course and installs what is missing.

    An edition passes its language to ``nlpcourse.setup``; the bilingual source leaves it to
    ``NLPCOURSE_LANG``.
    """
    call = f"nlpcourse.setup(lang={lang!r})" if lang else "nlpcourse.setup()"
    comment = (
        "# 설정: Colab에서는 강의 코드와 데이터를 받아 오고 빠진 패키지를 설치합니다. 로컬에서는 할 일이 없습니다."
        if lang == "ko"
        else "# Setup. On Colab: fetch the course helpers and data, install what Colab lacks. Locally: nothing to do."
    )
    return f"""\
{comment}
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess

    if not os.path.isdir("{CLONE_DIR}"):
        subprocess.run(["git", "clone", "-q", "--depth", "1", "{REPO_URL}", "{CLONE_DIR}"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-e", "{CLONE_DIR}[{COLAB_EXTRA}]"], check=True)
    sys.path.insert(0, "{CLONE_DIR}")

import nlpcourse

MODE = {call}"""
