"""Where the project's folders are, wherever code is started from (Jupyter, nbval, Sphinx, CLI).

The project root is found from this file's location, so a notebook never types a path.
"""

from __future__ import annotations

from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA_DIR: Path = ROOT / "data"
SEEDS_DIR: Path = ROOT / "seeds"
BOOK_DIR: Path = ROOT / "book"
SEED_NAME = "000_b6be05cc6782ca3c.txt"
SEED_PATH: Path = SEEDS_DIR / SEED_NAME
CHECKSUMS_PATH: Path = SEEDS_DIR / "SHA256SUMS"


def data_file(name: str) -> Path:
    """Path of a file in ``data/`` (the file need not exist yet)."""
    return DATA_DIR / name
