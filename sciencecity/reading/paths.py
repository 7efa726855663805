"""Where the project's folders are, wherever code is started from (Jupyter, nbval, Sphinx, CLI).

The project root is found from this file's location, so a notebook never types a path. Belongs
here: the project's folders and what is derived from them alone (the table of contents' pages).
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT: Path = Path(__file__).resolve().parents[2]
DATA_DIR: Path = ROOT / "data"
SEEDS_DIR: Path = ROOT / "seeds"
BOOK_DIR: Path = ROOT / "book"
SEED_NAME = "000_b6be05cc6782ca3c.txt"
SEED_PATH: Path = SEEDS_DIR / SEED_NAME
CHECKSUMS_PATH: Path = SEEDS_DIR / "SHA256SUMS"


def data_file(name: str) -> Path:
    """Path of a file in ``data/`` (the file need not exist yet)."""
    return DATA_DIR / name


def toc_docnames(root: Path = ROOT) -> list[str]:
    """The book's pages in reading order, as docnames (``book/index``, ``book/01_place`` ...),
    read from ``_toc.yml`` (Jupyter Book 1 ``jb-book`` format, chapters or parts)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]] + [c["file"] for c in toc.get("chapters", [])]
    for part in toc.get("parts", []):
        names += [c["file"] for c in part["chapters"]]
    return names


def load_script(relative: str, name: str | None = None):
    """Import a script of the repository that is not in the package (``tools/serve.py``,
    ``bench/run.py``, ``book/_ext/sciencecity_html.py``) as a module, by its path from the root."""
    import importlib.util

    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(name or f"book_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main_checkout(root: Path) -> Path | None:
    """The main checkout when ``root`` is a git worktree (its ``.git`` is a file naming the gitdir)."""
    try:
        gitdir = Path((root / ".git").read_text(encoding="utf-8").split("gitdir:", 1)[1].strip())
        common = (gitdir / (gitdir / "commondir").read_text(encoding="utf-8").strip()).resolve()
    except (OSError, IndexError):
        return None
    return common.parent
