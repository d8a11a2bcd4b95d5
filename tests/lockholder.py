"""Another live process holding a plan's lock, for tests of two sessions."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HOLD = """
import sys
from socialtui.store import lock
got = lock.acquire(sys.argv[1])
print("locked" if isinstance(got, lock.Lock) else "held", flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def held(plan: Path) -> Iterator[subprocess.Popen]:
    """A second process that holds ``plan``'s lock until the block ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(plan)],
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
