"""Another live process holding a plan's lock, for tests of two sessions."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HOLD = """
import sys, time
from socialtui.store import lock
got = lock.acquire(sys.argv[1], *sys.argv[2:3])
print("locked" if isinstance(got, lock.Lock) else "held", flush=True)
if len(sys.argv) > 3:
    time.sleep(float(sys.argv[3]))
    got.release()
else:
    sys.stdin.read()
"""


@contextlib.contextmanager
def held(
    plan: Path, program: str = "app", seconds: float | None = None
) -> Iterator[subprocess.Popen]:
    """A second process that holds ``plan``'s lock as ``program`` until the block
    ends, or for ``seconds`` when given (then it lets go by itself)."""
    timed = [] if seconds is None else [str(seconds)]
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(plan), program, *timed],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"
        yield proc
    finally:
        proc.kill()
        proc.wait()
