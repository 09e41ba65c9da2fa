"""The Korean edition reads as written (issue 22), checked without running a notebook.

* Every prose cell renders: a CommonMark renderer leaves no literal ``**`` or ``__`` (a bold span closed
  after punctuation and followed by a Hangul letter does not close), and no space is put before a particle
  to work around that ("**15%** 를").
* One term per concept: ``lab_solutions/terms.tsv`` lists the course's terms and the variants it rejects;
  the Korean prose, the Korean side of every ``tr(ko, en)``, nlpcourse's Korean messages and the Korean
  grading messages are checked against it.
* Every glossary term is used by the lab's Korean prose or code, and quiz questions are numbered **Q1.**, ...
* No English sentence the course wrote reaches the Korean edition: string literals that code prints, plots,
  shows in a table or progress bar, warns or raises (in lab code cells and in ``nlpcourse/``) go through
  ``tr``. The check is a heuristic on the syntax tree, documented at ``shown_strings``; the allowlists
  below name the literals that are data or code, each with its reason.
"""

from __future__ import annotations

import ast
import csv
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from conftest import LABS, REPO
from markdown_it import MarkdownIt

from autograder.editions import cell_lang
from autograder.labs import source_notebook
from autograder.messages import TEMPLATES
from autograder.stamp import is_header

HANGUL = re.compile(r"[\uac00-\ud7a3]")
TERMS = REPO / "lab_solutions" / "terms.tsv"


@functools.cache
def notebook(lab: str) -> nbformat.NotebookNode:
    return nbformat.read(source_notebook(lab), as_version=4)


def prose(lab: str, lang: str | None = None) -> list[tuple[int, str]]:
    """(cell index, source) of the lab's prose cells, of one language or both."""
    return [(i, c.source) for i, c in enumerate(notebook(lab).cells)
            if c.cell_type == "markdown" and not is_header(c) and (lang is None or cell_lang(c) == lang)]


# ---- 1. prose renders -------------------------------------------------------------------------------

MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)  # Jupyter and Colab take math out before markdown
CODE = re.compile(r"<code>.*?</code>|<pre>.*?</pre>", re.S)
BLANK = re.compile(r"_{3,}")  # a fill-in blank ("나는 ___ 강의를"), written with three or more underscores
LITERAL = re.compile(r".{0,30}(\*\*|__).{0,30}")
# "**15%** 를": a particle cut off from its word; "**학습 목표.** 이 실습" starts a new phrase
PARTICLE_AFTER_SPACE = re.compile(r"(?<![.:!?])\*\* +(을|를|이|가|은|는|의|에|에서|에게|로|으로|와|과|도|만|보다|처럼"
                                  r"|이나|나|입니다)(?=[\s.,:;)!?]|$)")
RENDER = MarkdownIt("commonmark").enable("table")


def literal_emphasis(source: str) -> list[str]:
    """The places where ``**`` or ``__`` is left as text once the cell is rendered (code and math aside)."""
    html = CODE.sub("", RENDER.render(MATH.sub("MATH", source)))
    return [m.group(0) for m in LITERAL.finditer(BLANK.sub("", html))]


def test_literal_emphasis_is_found():
    assert literal_emphasis("**선택 도전 과제(optional challenge)**로 점수가") != []
    assert literal_emphasis('**0보다 큰 값은 모두 "나온다"**로 칩니다.') != []
    assert literal_emphasis("**선택 도전 과제**(optional challenge)로, `a ** b`, $x__1$, 나는 ___ 강의를") == []
    assert PARTICLE_AFTER_SPACE.search("토큰의 **15%** 를 고릅니다")
    assert not PARTICLE_AFTER_SPACE.search("**15%를** 고릅니다, **BERT** 가족, **학습 목표.** 이 실습")


@pytest.mark.parametrize("lab", LABS)
def test_prose_renders(lab):
    left = [f"cell {i}: {hit!r}" for i, source in prose(lab) for hit in literal_emphasis(source)]
    assert not left, "emphasis that CommonMark leaves as literal ** or __ (move the closing ** before the " \
                     "punctuation or after the particle):\n" + "\n".join(left)
    spaced = [f"cell {i}: {m.group(0)!r}" for i, source in prose(lab, "ko")
              for m in PARTICLE_AFTER_SPACE.finditer(source)]
    assert not spaced, "a space between bold text and its particle:\n" + "\n".join(spaced)


# ---- 2. one term per concept ------------------------------------------------------------------------

def load_terms(path: Path = TERMS) -> list[dict]:
    """The rows of the term list: preferred, forbidden (compiled), english, first (the form at first use)."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if line.strip() and not line.startswith("#")), delimiter="\t"):
            preferred, forbidden, english, first = (row + [""] * 4)[:4]
            patterns = [re.compile(v[3:] if v.startswith("re:") else re.escape(v))
                        for v in (s.strip() for s in forbidden.split(";")) if v]
            rows.append({"preferred": preferred, "forbidden": patterns, "english": english, "first": first})
    return rows


def tr_korean(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, text) of the Korean argument of every ``tr(ko, en)`` call (f-string parts joined by ``{}``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node) == "tr" and node.args:
            yield node.lineno, literal_text(node.args[0])


def literal_text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return ""


def code_tree(source: str) -> ast.AST:
    """A code cell's syntax tree; IPython magics and shell lines are blanked."""
    lines = ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    return ast.parse("\n".join(lines))


def korean_texts() -> Iterator[tuple[str, str]]:
    """(where, text) of every Korean string a student reads: prose, tr, nlpcourse, grading messages."""
    for lab in LABS:
        for i, cell in enumerate(notebook(lab).cells):
            if cell.cell_type == "markdown" and cell_lang(cell) == "ko":
                yield f"{lab} cell {i}", cell.source
            elif cell.cell_type == "markdown":  # the English glossary's Korean column
                yield f"{lab} cell {i}", "\n".join(line for line in cell.source.splitlines()
                                                    if line.startswith("|") and HANGUL.search(line))
            elif cell.cell_type == "code":
                for line, text in tr_korean(code_tree(cell.source)):
                    yield f"{lab} cell {i} line {line}", text
    for path in sorted((REPO / "nlpcourse").glob("*.py")):
        for line, text in tr_korean(ast.parse(path.read_text(encoding="utf-8"))):
            yield f"nlpcourse/{path.name}:{line}", text
    for key, (_, korean) in TEMPLATES.items():
        yield f"autograder/messages.py {key}", korean


def test_term_list_is_well_formed():
    rows = load_terms()
    assert len({r["preferred"] for r in rows}) == len(rows), "a term listed twice"
    for r in rows:
        assert r["forbidden"] and r["english"], r["preferred"]
        assert not any(p.search(r["preferred"]) for p in r["forbidden"]), f"{r['preferred']} forbids itself"
        assert not r["first"] or r["first"].startswith(r["preferred"]), r["first"]


def test_one_term_per_concept():
    rows = load_terms()
    found = [f"{where}: {m.group(0)!r} (use {r['preferred']!r}: {r['english']})"
             for where, text in korean_texts() for r in rows for p in r["forbidden"] for m in p.finditer(text)]
    assert not found, f"{len(found)} variant(s) that lab_solutions/terms.tsv rejects:\n" + "\n".join(found)


def first_use(text: str, term: str, form: str) -> str | None:
    """What stands where ``term`` is first used outside headings and tables, when that is not ``form``."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(("#", "|")))
    body = body.replace("**", "")
    at = body.find(term)
    if at < 0 or body.startswith(form, at):
        return None
    return body[max(0, at - 20): at + len(form) + 10]


@pytest.mark.parametrize("lab", LABS)
def test_first_use_gives_the_other_names(lab):
    text = "\n\n".join(source for _, source in prose(lab, "ko"))
    wrong = [f"{r['preferred']}: {hit!r}, want {r['first']!r}" for r in load_terms() if r["first"]
             for hit in [first_use(text, r["preferred"], r["first"])] if hit]
    assert not wrong, "first use of a term without its other names:\n" + "\n".join(wrong)


GLOSSARY_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$", re.M)


@pytest.mark.parametrize("lab", LABS)
def test_glossary_terms_are_used(lab):
    cells = prose(lab, "ko")
    glossary = next(source for _, source in cells if source.lstrip().startswith("## 용어집"))
    shown = [text for i, cell in enumerate(notebook(lab).cells) if cell.cell_type == "code"
             for _, text in tr_korean(code_tree(cell.source))]  # the Korean the lab's code prints or draws
    rest = "\n".join([source for _, source in cells if source is not glossary] + shown)
    rows = [m.group(1) for m in GLOSSARY_ROW.finditer(glossary) if not set(m.group(1)) <= set("-: ")][1:]
    terms = [t.strip() for row in rows for t in re.split(r"[,/](?![^()]*\))", row)]  # not inside (...)
    unused = [term for term in terms if term not in rest and re.sub(r"\s*\([^)]*\)", "", term) not in rest]
    assert not unused, f"glossary terms the Korean prose never uses (drop them or use them): {unused}"


QUIZ_HEADING = re.compile(r"^## (퀴즈|Quick-check quiz)", re.I | re.M)
QUESTION = re.compile(r"^\*\*([^*\n]*?)(\d+)\.\*\*", re.M)


@pytest.mark.parametrize("lab", LABS)
def test_quiz_questions_are_numbered_alike(lab):
    for lang in ("ko", "en"):
        cells = [source for _, source in prose(lab, lang)]
        start = next(i for i, source in enumerate(cells) if QUIZ_HEADING.search(source))
        found = [m.groups() for source in cells[start:] for m in QUESTION.finditer(source)]
        assert found and all(prefix == "Q" for prefix, _ in found), f"{lang}: quiz questions are **Q1.**, **Q2.**, ..."
        assert [int(n) for _, n in found] == list(range(1, len(found) + 1)), f"{lang}: numbered 1..N"


def test_grading_messages_read_as_korean():
    for key, (_, korean) in TEMPLATES.items():
        assert ";" not in korean, f"{key}: an English semicolon in {korean!r}"
        assert HANGUL.search(korean), f"{key}: no Korean in {korean!r}"


# ---- 3. no English in the Korean edition ------------------------------------------------------------

# Calls whose string arguments a student sees, and keyword arguments that carry text into a figure or table.
SHOWN_BY = {"print", "display", "Markdown", "HTML", "title", "suptitle", "xlabel", "ylabel", "set_title",
            "set_xlabel", "set_ylabel", "set_suptitle", "text", "annotate", "legend", "bar_label", "xticks",
            "yticks", "set_xticklabels", "set_yticklabels", "warn", "tqdm", "trange", "DataFrame", "Series"}
TABLE_NAMES = {"rows", "header", "headers", "columns", "table", "lines"}  # variables that hold a printed table
SHOWN_AS = {"label", "desc", "title", "xlabel", "ylabel", "columns", "index", "name", "postfix"}
# An English word: three letters or more, lower case after the first, not part of an identifier, a path,
# a domain, a colour, a format field or a call. ALLCAPS acronyms, snake_case, camelCase and words with digits are code.
ENGLISH_WORD = re.compile(r"(?<![\w./%{:<#-])[A-Za-z][a-z]{2,}(?![\w(/\[])(?![-.]\w)")
MATH_IN_TEXT = re.compile(r"\$[^$]*(?:\$|\Z)")  # math, or its start where an f-string field cuts it
# Words that are the same in both editions: names of things, not English sentences.
SAME_IN_BOTH = {"skip", "gram", "softmax", "Okt", "Mecab", "Komoran", "Hannanum", "Kkma", "Word2Vec", "FastText",
                "GloVe", "Adam", "AdamW", "Trainer", "Transformers", "Python", "PyTorch", "Colab", "Gemini",
                "Google", "OpenAI", "Hub", "Face", "Hugging", "WordPiece", "Unigram", "SentencePiece", "tiktoken",
                "tokenizers", "gensim", "transformers", "serve", "nsmc", "mini", "bert", "gpt", "http", "https",
                "Bearer", "torch", "numpy", "sklearn", "scikit", "learn", "pandas", "json", "utf", "SmolLM",
                "morphs", "pos", "nouns", "stem", "norm", "okt", "sin", "cos", "log", "concat"}


def call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def literals(node: ast.AST) -> Iterator[ast.Constant]:
    """The string constants that make up the value of ``node``, outside ``tr(...)``.

    Followed: f-strings, ``+``/``%``, conditionals, containers (dict keys and values), ``"sep".join(...)``
    and ``"...".format(...)``. Not followed: arguments of other calls (``df.round({"col": 4})`` names a
    column, ``df.loc["row"]`` a row), names and subscripts: a string kept in a variable is not seen.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from literals(value.value)
            else:
                yield from literals(value)
    elif isinstance(node, ast.BinOp):
        yield from literals(node.left)
        yield from literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from literals(node.body)
        yield from literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        for elt in node.elts:
            yield from literals(elt)
    elif isinstance(node, ast.Dict):
        for part in [*node.keys, *node.values]:
            if part is not None:
                yield from literals(part)
    elif isinstance(node, ast.Call) and call_name(node) != "tr" and isinstance(node.func, ast.Attribute):
        yield from literals(node.func.value)  # "sep".join(...), "{}".format(...), text.upper()


def shown_strings(tree: ast.AST) -> Iterator[ast.Constant]:
    """String constants that reach the student: arguments of SHOWN_BY calls, SHOWN_AS keywords, the dicts
    appended as table rows (``rows.append({"word": ...})``), what is assigned to TABLE_NAMES, and what
    ``raise`` says."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name in SHOWN_BY:
                for arg in node.args:
                    yield from literals(arg)
            for kw in node.keywords:
                if kw.arg in SHOWN_AS and name != "rename":  # rename(columns={old: tr(...)}): old is code
                    yield from literals(kw.value)
            if name == "append" and node.args and isinstance(node.args[0], ast.Dict):
                for key in node.args[0].keys:
                    if key is not None:
                        yield from literals(key)
        elif isinstance(node, ast.Raise) and node.exc is not None:
            yield from (c for arg in getattr(node.exc, "args", []) for c in literals(arg))
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in TABLE_NAMES
                                                  for t in node.targets):
            yield from literals(node.value)  # rows = [f"{'d_k':>5} {'max weight':>11}"], printed later


def english(text: str) -> list[str]:
    """The English words of ``text``, when it has no Korean (a string with Hangul is written for ko)."""
    if HANGUL.search(text):
        return []
    return [w for w in ENGLISH_WORD.findall(MATH_IN_TEXT.sub("", text)) if w not in SAME_IN_BOTH]


# Literals that are the same in both editions, by lab: data the lab works on (example sentences, prompts
# sent to a model), code a student types, or the API's own field names. Each with its reason.
DATA: dict[str, dict[str, str]] = {
    "02_bow_tfidf": {"analyzer: ": "CountVectorizer's argument name", "tokenizer:": "CountVectorizer's argument name"},
    "03_word2vec": {
        "one-hot(like) @ W =": "an expression over the toy sentence's words",
        **{w: "toy word vectors: the words are the data" for w in ("man", "woman", "king", "queen", "apple", "orange")},
    },
    "05_bert_nsmc": {key: "a learning-curve row's key: the plot labels its lines with tr"
                     for key in ("labels", "pretrained", "scratch")},
    "07_llm_api_prompting": {
        "  model    = ": "a request's argument, as the SDK spells it",
        "  contents = ": "a request's argument, as the SDK spells it",
        "  config   = ": "a request's argument, as the SDK spells it",
        "  config:": "a request's argument, as the SDK spells it",
        "  part:": "the SDK's Part objects of a request",
        ", seed=": "the request's argument",
        "T=1.0, seed=1 ": "the request's arguments",
        "type": "a field of the Responses API",
        "output": "a field of the Responses API",
    },
    "08_post_training": {
        "peft:": "the library's name, beside the count it reports",
        **{f: "a field of trl's preference dataset, printed as trl reads it" for f in ("prompt", "chosen", "rejected")},
        "trl": "the library's name: the column of trl's own figures",
    },
    "09_evaluation": {
        **{col: "a column of the score frame that later code reads (frame.lls, ours.pred, frame.gold, frame.acc)"
           for col in ("lls", "pred", "gold", "acc")},
        "  acc=": "lm-eval's metric name, as lm_eval spells it",
        "chrf = ": "the name of the function it prints",
        ", sacrebleu = ": "the library's name",
    },
    "10_rag_tools": {k: "a metric's name, as the formulas write it" for k in ("recall@5", "recall@10")},
}

# nlpcourse literals that are not messages, by file.
PLUMBING_DATA: dict[str, dict[str, str]] = {
    "transformer_diagrams.py": {"ate": "the English word the toy translation emits"},
    "prompt_diagrams.py": {**{role: "a chat role, as the API spells it" for role in ("system", "user", "assistant")},
                           "positive": "the label the prompt asks for", "negative": "the label the prompt asks for"},
}


def lab_code(lab: str) -> Iterator[tuple[int, ast.AST]]:
    """(cell index, syntax tree) of the code a student sees run: solutions and hidden tests taken out."""
    for i, cell in enumerate(notebook(lab).cells):
        if cell.cell_type != "code":
            continue
        source = re.sub(r"^([ \t]*)### BEGIN (SOLUTION|HIDDEN TESTS).*?### END \2", r"\1pass", cell.source,
                        flags=re.S | re.M)
        yield i, code_tree(source)


def test_english_is_found():
    tree = ast.parse('print("train loss", tr("손실", "loss"), f"epoch {n}")\nax.set_xlabel("step")\n'
                     'rows.append({"word": w})\nraise RuntimeError("Okt needs Java")\nprint(f"{name} = {value}")')
    found = {c.value for c in shown_strings(tree) if english(c.value)}
    assert found == {"train loss", "epoch ", "step", "word", "Okt needs Java"}


@pytest.mark.parametrize("lab", LABS)
def test_lab_code_shows_korean_in_the_korean_edition(lab):
    allowed = DATA.get(lab, {})
    found = [f"cell {i} line {c.lineno}: {c.value!r}" for i, tree in lab_code(lab) for c in shown_strings(tree)
             if c.value not in allowed and english(c.value)]
    assert not found, "English a student of the Korean edition would see: wrap it in tr(ko, en), or list " \
                      "it in DATA with the reason:\n" + "\n".join(found)


def test_nlpcourse_messages_are_in_both_languages():
    found = []
    for path in sorted((REPO / "nlpcourse").glob("*.py")):
        allowed = PLUMBING_DATA.get(path.name, {})
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"nlpcourse/{path.name}:{c.lineno}: {c.value!r}" for c in shown_strings(tree)
                  if c.value not in allowed and english(c.value)]
    assert not found, "messages from nlpcourse that bypass tr(ko, en):\n" + "\n".join(found)


def test_lab_data_allowlist_is_current():
    stale = [f"{lab}: {text!r}" for lab, allowed in DATA.items()
             for text in set(allowed) - {c.value for _, tree in lab_code(lab) for c in shown_strings(tree)}]
    assert not stale, f"DATA entries no lab shows any more: {stale}"

