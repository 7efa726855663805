"""The checked loader: what notebooks and analyses call to read ``data/``, never unchecked.

Belongs here: loading the package only after :func:`sciencecity.rules.package.check_package` and
every content rule of :mod:`sciencecity.rules.validate` pass (:func:`load_package`, cached until
a file changes), and the views of it the chapters use (:func:`load_table`, :func:`load_figures`,
:func:`figure`, :func:`load_translations`, :func:`load_terms`). It sits on top of the rules
layer: no other module of :mod:`sciencecity.rules` imports it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from sciencecity.reading import paths
from sciencecity.reading.csv_tables import offsets
from sciencecity.reading.descriptor import DataError
from sciencecity.reading.seed import load_seed
from sciencecity.rules.copies import check_copies
from sciencecity.rules.package import check_package
from sciencecity.rules.terminology import Term, terms_of
from sciencecity.rules.validate import content_problems


def _signature(data_dir: Path) -> tuple:
    """What identifies the files' current contents cheaply: names, sizes and mtimes."""
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in data_dir.iterdir() if p.is_file()))


@lru_cache(maxsize=4)
def _load(data_dir: Path, seed_path: Path | None, signature: tuple) -> dict[str, pd.DataFrame]:
    tables, problems = check_package(data_dir, seed_path)
    if not problems:
        problems = content_problems(tables, load_seed(seed_path)) + check_copies(data_dir)
    if problems:
        raise DataError(problems)
    return {name: table.frame() for name, table in tables.items()}


def load_package(data_dir: Path | None = None, seed_path: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table, checked, as DataFrames keyed by resource name (``figures``, ``zones`` …).

    Raises :class:`DataError` listing every problem if any table fails a check: the schema's
    (:func:`check_package`) or a content rule of :mod:`sciencecity.rules.validate`. Results are
    cached until a file in ``data_dir`` changes; each call returns fresh copies.
    """
    data_dir = Path(data_dir or paths.DATA_DIR).resolve()
    try:
        frames = _load(data_dir, seed_path, _signature(data_dir))
    except FileNotFoundError:
        raise DataError([f"{data_dir}: no such data directory"]) from None
    return {name: frame.copy() for name, frame in frames.items()}


def load_table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """One checked table (the whole package is checked: foreign keys span tables)."""
    frames = load_package(data_dir)
    if name not in frames:
        raise KeyError(f"no table {name!r} in data/; the tables are {', '.join(frames)}")
    return frames[name]


def load_figures(data_dir: Path | None = None) -> pd.DataFrame:
    """``figures.csv``, checked, indexed by ``id``."""
    return load_table("figures", data_dir).set_index("id")


@dataclass(frozen=True)
class Figure:
    """One figure of the article, as ``figures.csv`` records it (``None`` for an empty cell)."""

    id: str
    label_en: str
    label_zh: str
    value: float | None
    unit: str
    kind: str
    period: str
    scope: str
    qualifier: str
    bound: str
    status: str
    survives: str
    implied_min: float | None
    quote: str
    start: int
    also_at: tuple[int, ...]
    note: str

    @property
    def lost(self) -> bool:
        """Whether the repost lost this figure's digits."""
        return self.status == "digits_lost"


def figure(figure_id: str, data_dir: Path | None = None) -> Figure:
    """The figure with this id; :class:`KeyError` naming the nearest ids if there is none."""
    return figure_in(load_table("figures", data_dir), figure_id)


def figure_in(figures: pd.DataFrame, figure_id: str) -> Figure:
    """The figure with this id in a checked ``figures`` table (indexed by ``id`` or with an ``id``
    column, as :func:`load_package` gives it); :class:`KeyError` naming the nearest ids if none."""
    if "id" in figures.columns:
        figures = figures.set_index("id")
    if figure_id not in figures.index:
        near = [i for i in figures.index if i.split("_")[0] == figure_id.split("_")[0]][:5]
        hint = f"; ids starting alike: {', '.join(near)}" if near else ""
        raise KeyError(f"no figure {figure_id!r} in figures.csv{hint}")
    row = figures.loc[figure_id].to_dict()
    for column in ("value", "implied_min"):
        row[column] = None if math.isnan(row[column]) else float(row[column])
    row["start"] = int(row["start"])
    row["also_at"] = offsets(row["also_at"])
    return Figure(id=figure_id, **row)


def load_translations(data_dir: Path | None = None) -> pd.DataFrame:
    """``translations.csv`` in seed order, checked; :class:`sciencecity.reading.descriptor.DataError` if not."""
    frame = load_table("translations", data_dir)  # validate's rules included
    return frame.sort_values("start", ignore_index=True)


def load_terms(data_dir: Path | None = None) -> list[Term]:
    """The terminology table as :class:`Term` rows, longest Chinese term first."""
    frame = load_table("terminology", data_dir)
    return terms_of(frame.to_dict("records"))
