"""Hypothesis profiles for the fuzz tests (the figures they measure are printed by
tests/conftest.py).

``SOCIALTUI_FUZZ`` picks the profile (default ``ci``; see test_fuzz.py for the
long run). The fuzz tests apply it with ``@settings(FUZZ)`` rather than
``load_profile``, so no other test's settings change.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_QUIET = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.filter_too_much,
    HealthCheck.function_scoped_fixture,  # tmp dirs and capsys are reused on purpose
]
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=_QUIET, derandomize=True
)
settings.register_profile("long", max_examples=40_000, deadline=None, suppress_health_check=_QUIET)
FUZZ_PROFILE = os.environ.get("SOCIALTUI_FUZZ", "ci")
FUZZ = settings.get_profile(FUZZ_PROFILE)
