"""Shared fixtures. Tests run from any folder: paths come from sciencecity.reading.paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from sciencecity.reading import paths
from tests.glued_outputs import chart_dir, no_files, package, text  # noqa: F401 (fixtures of every module)

# Hypothesis profiles (tests/test_properties.py): "ci", the default, is derandomised (a fixed
# set of examples, the same on every run) and short enough for `make test`; "long" draws 1,000
# random examples for a local run: HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py
CI_EXAMPLES = 40
settings.register_profile("ci", max_examples=CI_EXAMPLES, derandomize=True, deadline=None, database=None)
settings.register_profile("long", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

VENV_BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a command of the project's environment, capturing its output as text."""
    env = dict(os.environ, PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def book_copy(tmp_path_factory) -> Path:
    """A copy of the book's sources (no build, no venv) to break on purpose."""
    dest = tmp_path_factory.mktemp("bookcopy") / "p"
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", "node_modules", "*.egg-info", "__pycache__")
    shutil.copytree(paths.ROOT, dest, ignore=ignore)
    return dest
