"""okt_pos: the same tags as a plain serial Okt loop, from worker processes or from the cache."""

from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

import nlpcourse
from nlpcourse import okt


@pytest.fixture(scope="module")
def reviews() -> list[str]:
    texts = nlpcourse.load_nsmc("train", n=300).document.tolist()
    return [*texts, "", "   ", "Good MOVIE 최고!! 이에욬ㅋㅋㅋㅋ"]


@pytest.fixture(scope="module")
def serial(reviews) -> dict[tuple[bool, bool], list]:
    """What Lab 02 used to do: one Okt in this process, one review after another."""
    nlpcourse.ensure_java()
    from konlpy.tag import Okt

    tagger = Okt()
    return {(norm, stem): [tagger.pos(t, norm=norm, stem=stem) for t in reviews]
            for norm, stem in ((True, True), (False, False))}


@pytest.fixture(scope="module", autouse=True)
def stop_workers():
    yield
    okt.close_pool()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NLPCOURSE_CACHE", str(tmp_path))
    return tmp_path / "okt"


def test_parallel_tags_equal_a_serial_loop_and_come_back_from_the_cache(reviews, serial, cache, monkeypatch):
    monkeypatch.setattr(okt, "PARALLEL_MIN", 0)  # the worker pool even for a few hundred reviews
    monkeypatch.setattr(okt, "CHUNK", 32)
    monkeypatch.setattr(okt, "_workers", lambda: 2)  # two worker processes, whatever the machine
    got = okt.okt_pos(reviews, norm=True, stem=True)
    assert got == serial[True, True]
    assert okt._pool is not None and okt._pool_size == 2, "the workers stay up for the next call"
    assert okt.okt_pos(reviews[::-1], norm=False, stem=False) == serial[False, False][::-1]
    assert all(isinstance(tag, tuple) for tags in got for tag in tags)
    assert len(list(cache.glob("*.jsonl.gz"))) == 2

    def no_tagging(*args):
        raise AssertionError("tagged again instead of reading the cache")

    monkeypatch.setattr(okt, "_tag_all", no_tagging)
    assert okt.okt_pos(reviews, norm=True, stem=True) == serial[True, True]
    with pytest.raises(AssertionError, match="tagged again"):  # other options, other texts: not cached
        okt.okt_pos(reviews, norm=False, stem=False)
    with pytest.raises(AssertionError, match="tagged again"):
        okt.okt_pos(reviews[:-1], norm=True, stem=True)


def test_in_process_tags_and_options(reviews, serial, cache):
    assert okt.okt_pos(reviews, norm=False, stem=False) == serial[False, False]
    assert okt.okt_pos(reviews, norm=True, stem=True) == serial[True, True]
    assert okt.okt_pos([]) == []
    assert okt.cache_path(["a", "b"], False, False) != okt.cache_path(["ab"], False, False)


def test_a_damaged_cache_is_tagged_again(reviews, serial, cache):
    texts = reviews[:20]
    path = okt.cache_path(texts, True, True)
    path.write_bytes(b"not gzip")
    with pytest.warns(UserWarning, match="damaged"):
        assert okt.okt_pos(texts, norm=True, stem=True) == serial[True, True][:20]
    assert okt._read(path) == serial[True, True][:20]


def test_workers_that_fail_are_replaced_by_this_process(reviews, serial, cache, monkeypatch):
    class Broken:
        """A pool whose workers die: every task ends in BrokenProcessPool."""

        def submit(self, *args):
            future = Future()
            future.set_exception(BrokenProcessPool("a worker died"))
            return future

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(okt, "_pool", None)
    monkeypatch.setattr(okt, "ProcessPoolExecutor", lambda *args, **kwargs: Broken())
    monkeypatch.setattr(okt, "PARALLEL_MIN", 0)
    monkeypatch.setattr(okt, "CHUNK", 10)
    with pytest.warns(UserWarning, match="failed"):
        assert okt.okt_pos(reviews[:60], norm=True, stem=True) == serial[True, True][:60]
    assert okt._pool is None
