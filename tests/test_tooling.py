"""The project's tooling as a contributor meets it: `make help`, `make lab`, the licence note."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from sciencecity import paths

from .conftest import run

MAKEFILE = (paths.ROOT / "Makefile").read_text(encoding="utf-8")


def phony_targets() -> list[str]:
    return re.search(r"^\.PHONY:(.+)$", MAKEFILE, re.M).group(1).split()


def test_make_help_lists_every_target_once():
    result = run(["make", "--no-print-directory", "help"], cwd=paths.ROOT)
    assert result.returncode == 0, result.stderr
    listed = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("make ")]
    assert sorted(listed) == sorted(phony_targets()), f"make help lists {listed}; the Makefile has {phony_targets()}"
    for line in result.stdout.splitlines():
        assert len(line.split(None, 2)) == 3, f"no description: {line!r}"


def test_every_target_is_in_the_readme():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    missing = [t for t in phony_targets() if f"`make {t}`" not in readme]
    assert not missing, f"README.md does not describe: {missing}"


def test_licence_and_the_source_article_note():
    licence = (paths.ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "CC BY 4.0" in licence
    for readme in ("README.md", "seeds/README.md"):
        text = (paths.ROOT / readme).read_text(encoding="utf-8")
        assert "© its publisher" in text and "LICENSE" in text, f"{readme}: no note on the source article's status"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_lab_serves_jupyterlab(tmp_path):
    """`make lab` starts JupyterLab (as root too: this machine's kind) and serves the lab page."""
    port, token = free_port(), "sciencecity-test"
    flags = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
             f"--IdentityProvider.token={token}")
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"))
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_FLAGS={flags}"], cwd=paths.ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline, body = time.monotonic() + 120, None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=5) as resp:
                    body = resp.read().decode("utf-8", "replace")
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(1)
        if body is None:
            os.killpg(proc.pid, signal.SIGTERM)
            pytest.fail("JupyterLab did not serve /lab:\n" + proc.communicate(timeout=30)[0][-3000:], pytrace=False)
        assert "JupyterLab" in body
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    assert proc.returncode is not None
