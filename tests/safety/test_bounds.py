"""Huge and deep plan files: a clear error, or a load within the documented bounds.

The limits (socialtui/store/read.py, docs/plan-format.md): at most 2 MB, at most 8
dotted parts in a key, nesting that the parser cannot follow is an error. The
tests assert on behaviour (which error, where); the time and memory of the
largest inputs within the limits are measured in a fresh interpreter and printed
under "safety figures", not asserted: machines differ.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from socialtui import store
from tests.safety.stats import record

ROOT = Path(__file__).resolve().parents[2]
HEAD = b'name = "Big"\n\n[budget]\nweekly_hours = 5\n\n'


def checkins(count: int) -> bytes:
    """``count`` realistic weekly check-ins (about 140 bytes each)."""
    rows = []
    for i in range(count):
        year, week = 1000 + i // 52, i % 52 + 1
        rows.append(
            f'[[checkins]]\nweek = "{year}-W{week:02d}"\nhours = {{ instagram = 2.5 }}\n'
            f'metrics = {{ catering = 13 }}\nverdicts = {{ instagram = "working" }}\n'
            f'note = "ok"\n\n'
        )
    return HEAD + "".join(rows).encode()


def load_error(data: bytes, tmp_path: Path) -> store.PlanLoadError:
    path = tmp_path / "big.toml"
    path.write_bytes(data)
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(path)
    return caught.value


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.toml"
    with open(path, "wb") as handle:
        handle.write(HEAD)
        handle.truncate(50_000_000)  # sparse: the size is what matters
    started = time.perf_counter()
    with pytest.raises(store.PlanLoadError) as caught:
        store.load(path)
    elapsed = time.perf_counter() - started
    error = caught.value
    assert (error.line, error.column) == (1, 1)
    assert "50,000,000 bytes" in error.reason and "at most 2,000,000 bytes (2 MB)" in error.reason
    record("50 MB file", f"refused in {elapsed * 1000:.1f} ms")


def test_just_over_the_limit_is_refused_and_just_under_loads(tmp_path):
    under = HEAD + b"# " + b"x" * (2_000_000 - len(HEAD) - 3) + b"\n"
    assert len(under) == 2_000_000
    assert store.loads_bytes(under).plan.name == "Big"
    error = load_error(under + b"\n", tmp_path)
    assert "2,000,001 bytes" in error.reason


def test_a_million_check_ins_is_a_size_error(tmp_path):
    one = checkins(1)[len(HEAD) :]
    path = tmp_path / "million.toml"
    with open(path, "wb") as handle:
        handle.write(HEAD)
        for _ in range(1000):
            handle.write(one * 1000)  # the same week a million times: size comes first
    error = load_error(path.read_bytes(), tmp_path)
    assert "a plan may be at most" in error.reason


@pytest.mark.parametrize("depth", [1_000, 10_000])
@pytest.mark.parametrize("opening", [b"[", b"{a = "])
def test_deep_nesting_is_a_clear_error_with_its_position(tmp_path, depth, opening):
    closing = b"]" if opening == b"[" else b"}"
    body = b"x = " + opening * depth + (b"1" if closing == b"}" else b"") + closing * depth
    error = load_error(HEAD + body + b"\n", tmp_path)
    assert error.reason == "arrays or tables are nested too deeply"
    assert error.line == HEAD.count(b"\n") + 1
    assert error.column == len(b"x = ") + 99 * len(opening) + 1  # the 100th opening


def test_deep_table_headers_load_but_long_dotted_keys_are_refused(tmp_path):
    deep_header = b"[x" + b".a" * 7 + b"]\ny = 1\n"
    assert store.loads_bytes(HEAD + deep_header).plan.name == "Big"
    for line in (b"x" + b".a" * 10_000 + b" = 1\n", b"[x" + b".a" * 10_000 + b"]\n"):
        started = time.perf_counter()
        error = load_error(HEAD + line, tmp_path)
        assert time.perf_counter() - started < 5  # tomllib alone needs minutes and GBs
        assert error.reason == "more than 8 dotted parts in a key"
        assert error.line == HEAD.count(b"\n") + 1


def test_dots_in_strings_and_comments_are_not_keys():
    text = (
        HEAD + b'[purpose]\nwho = "' + b"a." * 500 + b'"  # ' + b"." * 500 + b"\n"
        b"why = '''\n" + b"b.c." * 500 + b"\n'''\nwhat = \"\"\"x" + b"." * 50 + b'""""\n'
    )
    loaded = store.loads_bytes(text)
    assert loaded.plan.purpose.who == "a." * 500
    assert loaded.plan.purpose.what == "x" + "." * 50 + '"'


def test_10000_character_strings(tmp_path):
    error = load_error(b'name = "' + b"n" * 10_000 + b'"\n', tmp_path)
    assert error.reason == "name must be at most 200 characters, not 10000"
    long_note = HEAD + b'[purpose]\nwho = "' + "é".encode() * 10_000 + b'"\n'
    assert store.loads_bytes(long_note).plan.purpose.who == "é" * 10_000
    long_title = HEAD + b'[[goals]]\nid = "g"\ntitle = "' + b"t" * 10_000 + b'"\n'
    assert len(store.loads_bytes(long_title).plan.goals[0].title) == 10_000


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    with pytest.raises(store.PlanLoadError, match="not a regular file"):
        store.load(fifo)


# -- measured: the largest inputs within the limits --------------------------------------------

# VmHWM, not ru_maxrss: on Linux a child's ru_maxrss starts at its parent's (pytest's).
MEASURE = """
import json, sys, time
from socialtui import store

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

data = open(sys.argv[1], "rb").read()
before = peak_mb()
started = time.perf_counter()
try:
    outcome = "loaded %d check-ins" % len(store.loads_bytes(data).plan.checkins)
except store.PlanLoadError as error:
    outcome = "error: " + error.reason
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb(), "base_mb": before,
                  "outcome": outcome}))
"""


def measure(data: bytes, tmp_path: Path) -> dict:
    path = tmp_path / "measured.toml"
    path.write_bytes(data)
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(out.stdout)


def test_the_largest_plans_within_the_limits_load(tmp_path):
    """Measured in a fresh interpreter: the realistic worst case, and a hostile one."""
    cases = {
        "14,000 check-ins": checkins(14_000),
        "200,000 empty tables": HEAD + b"".join(b"[t%d]\n" % i for i in range(200_000)),
        "keys of 8 parts": HEAD + b"".join(b"k%d.a.a.a.a.a.a.a = 1\n" % i for i in range(75_000)),
    }
    for name, data in cases.items():
        assert len(data) <= store.MAX_PLAN_BYTES, name
        result = measure(data, tmp_path)
        assert not result["outcome"].startswith("error"), (name, result)
        if name == "14,000 check-ins":
            assert result["outcome"] == "loaded 14000 check-ins"
        record(
            f"within the limits: {name} ({len(data) / 1e6:.2f} MB)",
            f"{result['outcome']} in {result['seconds']:.2f} s, "
            f"peak RSS {result['peak_mb']:.0f} MB (before loading {result['base_mb']:.0f} MB)",
        )
