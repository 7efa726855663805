"""CITATION.cff, checked: `make lint` runs this.

    python tools/lint/citation.py [ROOT]   (exit 1, one line per problem; ROOT defaults to the repository)

1. It is valid Citation File Format 1.2.0: the CFF project's JSON schema, vendored as
   tools/lint/cff-schema-1.2.0.json (the build has no network), with formats (dates) checked.
2. Its version is pyproject.toml's, and its release date is a date that has passed; when the
   repository has the release tag ``v<version>``, the release date is that commit's date.
3. Its first reference, the source article, agrees with references.bib's entry
   ``wang2021sciencecity``: author, title (the bibliography may add a translation in brackets),
   newspaper, year, month and address.
4. The "How to cite" section of README.md contains the report's citation and the article's
   citation as :func:`report_citation` and :func:`article_citation` write them from CITATION.cff;
   the landing page's (book/index.ipynb) contains the report's, and cites the article by its
   bibliography key (so Sphinx renders it from references.bib). CITATION.cff is the one source:
   change it, then paste the lines this script prints into the two pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import yaml
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).with_name("cff-schema-1.2.0.json")
ARTICLE_KEY = "wang2021sciencecity"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
LICENCES = {"CC-BY-4.0": "CC BY 4.0", "MIT": "MIT License"}


def load_cff(path: Path) -> dict:
    """The parsed CITATION.cff (YAML); ValueError naming the file when it is not a mapping."""
    try:
        cff = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(cff, dict):
        raise ValueError(f"{path.name}: not a YAML mapping")
    return cff


def schema_problems(cff: dict, schema: dict) -> list[str]:
    """Where ``cff`` breaks the CFF schema, as ``CITATION.cff: <where>: <what>``."""
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    problems = []
    for error in sorted(validator.iter_errors(cff), key=lambda e: list(map(str, e.absolute_path))):
        where = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        problems.append(f"CITATION.cff: {where}: {error.message}")
    return problems


def tag_date(root: Path, tag: str) -> dt.date | None:
    """The commit date of git tag ``tag`` in ``root``; None when there is no such tag (or no git)."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%cs", f"refs/tags/{tag}", "--"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return dt.date.fromisoformat(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None


def release_problems(cff: dict, pyproject_version: str, today: dt.date, tagged: dt.date | None = None) -> list[str]:
    """The version must be pyproject.toml's; date-released a real date, not in the future, and
    the date of the commit tagged ``v<version>`` when there is one (``tagged``)."""
    problems = []
    if str(cff.get("version")) != pyproject_version:
        problems.append(f"CITATION.cff: version: {cff.get('version')!r} is not pyproject.toml's {pyproject_version!r}")
    try:
        released = dt.date.fromisoformat(str(cff.get("date-released")))
    except ValueError:
        problems.append(f"CITATION.cff: date-released: {cff.get('date-released')!r} is not a YYYY-MM-DD date")
    else:
        if released > today:
            problems.append(f"CITATION.cff: date-released: {released} is in the future")
        if tagged is not None and released != tagged:
            problems.append(
                f"CITATION.cff: date-released: {released} is not the date of the commit tagged "
                f"v{cff.get('version')} ({tagged})"
            )
    return problems


def _unbrace(text: str) -> str:
    return text.replace("{", "").replace("}", "").replace("\\_", "_").strip()


def bib_article(bib_path: Path, key: str = ARTICLE_KEY) -> dict[str, str]:
    """The entry ``key`` of the bibliography: author, title, journal, year, month (a name), url."""
    db = parse_file(str(bib_path))
    if key not in db.entries:
        raise ValueError(f"{bib_path.name}: no entry {key}")
    entry = db.entries[key]
    authors = [_unbrace(str(p)) for p in entry.persons.get("author", [])]
    fields = {name: _unbrace(entry.fields.get(name, "")) for name in ("title", "journal", "year", "month", "url")}
    return {"author": "; ".join(authors), **fields}


def _person(person: dict) -> str:
    """A CFF person as the bibliography writes a Chinese name: ``王倩 (Wang Qian)``, family name first."""
    if "name" in person:
        return person["name"]
    latin = " ".join(p for p in (person.get("family-names"), person.get("given-names")) if p)
    return f"{person['alias']} ({latin})" if person.get("alias") else latin


def _article(cff: dict) -> dict:
    references = cff.get("references") or []
    if not references:
        raise ValueError("CITATION.cff: references: the source article is missing")
    return references[0]


def article_problems(cff: dict, bib: dict[str, str]) -> list[str]:
    """Where the article (the first reference) differs from the bibliography's entry."""
    try:
        ref = _article(cff)
    except ValueError as exc:
        return [str(exc)]
    month = ref.get("month")
    ours = {
        "author": "; ".join(_person(p) for p in ref.get("authors", [])),
        "title": ref.get("title", ""),
        "journal": ref.get("journal", ""),
        "year": str(ref.get("year", "")),
        "month": MONTHS[month - 1] if isinstance(month, int) and 1 <= month <= 12 else str(month or ""),
        "url": ref.get("url", ""),
    }
    # The bibliography may follow the title with its English translation in brackets.
    if ours["title"] and re.fullmatch(rf"{re.escape(ours['title'])} \(.+\)", bib["title"]):
        ours["title"] = bib["title"]
    return [
        f"CITATION.cff: references/0: {field} {ours[field]!r} is not references.bib's {bib[field]!r} ({ARTICLE_KEY})"
        for field in ours
        if ours[field] != bib[field]
    ]


def report_citation(cff: dict) -> str:
    """The report's citation, one Markdown line, written from CITATION.cff."""
    authors = "; ".join(_person(p) for p in cff["authors"])
    licence = LICENCES.get(str(cff.get("license")), str(cff.get("license")))
    return f"{authors}, *{cff['title']}*, version {cff['version']} ({cff['date-released']}), {licence}."


def article_citation(cff: dict) -> str:
    """The source article's citation, one Markdown line, written from CITATION.cff's first reference."""
    ref = _article(cff)
    authors = "; ".join(
        f"{p['family-names']} {p['given-names']} ({p['alias']})" if p.get("alias") else _person(p)
        for p in ref["authors"]
    )
    return f"{authors}, “{ref['title']}”, {ref['journal']}, {MONTHS[ref['month'] - 1]} {ref['year']}."


def _words(text: str) -> str:
    return " ".join(text.split())


def section(markdown: str, heading: str) -> str | None:
    """The text under the Markdown heading ``heading`` (any level), up to the next heading of that level or higher."""
    match = re.search(rf"^(#+) {re.escape(heading)}[ \t]*$", markdown, flags=re.M)
    if not match:
        return None
    level = len(match.group(1))
    rest = markdown[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def page_problems(name: str, markdown: str, required: list[str]) -> list[str]:
    """``required`` lines must stand in the page's "How to cite" section (line breaks aside)."""
    text = section(markdown, "How to cite")
    if text is None:
        return [f"{name}: no 'How to cite' section"]
    return [
        f"{name}: 'How to cite' does not say, as CITATION.cff does: {line}"
        for line in required
        if _words(line) not in _words(text)
    ]


def notebook_markdown(path: Path) -> str:
    """The Markdown cells of a notebook, joined."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def check(root: Path = ROOT, today: dt.date | None = None) -> list[str]:
    """Every problem of ``root``'s CITATION.cff and of the two pages that quote it."""
    try:
        cff = load_cff(root / "CITATION.cff")
    except (OSError, ValueError) as exc:
        return [str(exc)]
    problems = schema_problems(cff, json.loads(SCHEMA.read_text(encoding="utf-8")))
    if problems:
        return problems
    version = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    problems += release_problems(cff, version, today or dt.date.today(), tag_date(root, f"v{cff.get('version')}"))
    try:
        problems += article_problems(cff, bib_article(root / "references.bib"))
    except ValueError as exc:
        problems.append(str(exc))
    try:
        report, article = report_citation(cff), article_citation(cff)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        return [*problems, f"CITATION.cff: cannot write the 'How to cite' lines (missing {exc!r})"]
    problems += page_problems("README.md", (root / "README.md").read_text(encoding="utf-8"), [report, article])
    problems += page_problems(
        "book/index.ipynb", notebook_markdown(root / "book" / "index.ipynb"), [report, f"{{cite}}`{ARTICLE_KEY}`"]
    )
    return problems


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else ROOT
    problems = check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        try:
            cff = load_cff(root / "CITATION.cff")
            lines = [report_citation(cff), article_citation(cff)]
        except (OSError, KeyError, IndexError, TypeError, ValueError):
            return 1
        print("The 'How to cite' lines, as CITATION.cff writes them:", *lines, sep="\n  ", file=sys.stderr)
        return 1
    print("CITATION.cff: valid CFF 1.2.0; agrees with references.bib, README.md and book/index.ipynb")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
