"""Industries across the zones: who works on what, how much the zones overlap, the 2020 launch.

Pure functions over the package's tables (``zone_industries``, ``zones``, ``categories``,
``external``); nothing here reads a file or draws a chart. Used by ``book/03_industries.ipynb``
and tested in ``tests/test_industries.py``.

Three levels of detail describe what a zone works on:

- **item**: the article's own wording (``zone_industries.item_zh``), 21 positioning items;
- **theme**: a finer grouping made here, :data:`THEMES` (our judgement, documented per theme):
  items that name the same kind of product, e.g. 集成电路 (chips) and 智能传感器 (sensors);
- **category**: ``zone_industries.category``, the four leading industries of the article plus
  four others (``categories.csv``), also a judgement, with a rationale per item in the data.

Overlap between two zones is measured on each level with the Jaccard similarity of their label
sets (:func:`jaccard`) and the cosine similarity of their count vectors (:func:`cosine`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

#: Finer than a category, coarser than an item: what kind of product or service an item names.
#: Keys are themes; each has an English label, the rationale, and the items (``item_zh``) in it.
THEMES: dict[str, dict] = {
    "electronics": {
        "label": "Electronic devices and hardware",
        "rationale": "chips, sensors, displays and IT hardware are all made in electronics plants",
        "items": ("集成电路", "新一代信息技术产业制造高地", "高端智能传感器产业集聚区", "光电显示特色产业基地"),
    },
    "software_data": {
        "label": "Software and data",
        "rationale": "software, information services and big-data applications are code, not hardware",
        "items": ("软件信息", "大数据智能化应用先行区"),
    },
    "materials": {
        "label": "Materials",
        "rationale": "new materials and lightweight materials are both materials",
        "items": ("新材料", "中国轻量化材料应用示范之都"),
    },
    "pharma_medtech": {
        "label": "Medicines and medical devices",
        "rationale": "medical devices, biopharmaceuticals and the pharmaceutical industry serve health care",
        "items": ("医疗器械", "生物药", "医药产业开放创新引领区"),
    },
    "vehicles": {
        "label": "Vehicles",
        "rationale": "intelligent vehicles",
        "items": ("高端智能汽车研发生产基地",),
    },
    "energy": {
        "label": "Energy carriers",
        "rationale": "hydrogen and power batteries store and carry energy",
        "items": ("中国西部氢谷", "动力电池研发创新高地"),
    },
    "equipment": {
        "label": "Equipment",
        "rationale": "high-end equipment; military-civilian integration is equipment for both users",
        "items": ("军民融合发展示范区", "高端装备制造产业集聚区"),
    },
    "digital_culture": {
        "label": "Digital culture",
        "rationale": "digital cultural and creative industries",
        "items": ("数字文创",),
    },
    "fintech": {
        "label": "Fintech",
        "rationale": "financial technology",
        "items": ("金融科技创新发展集聚区",),
    },
    "breeding": {
        "label": "Biological breeding",
        "rationale": "breeding of crops and livestock",
        "items": ("生物育种技术创新应用高地",),
    },
    "consumer_goods": {
        "label": "Consumer goods",
        "rationale": "consumer goods industry",
        "items": ("消费品工业创新生态区",),
    },
    "aviation": {
        "label": "Aviation hub",
        "rationale": "an air gateway",
        "items": ("航空门户枢纽",),
    },
}

#: The four types of launch project in ``external.csv`` (``launch_projects_<type>``), in order.
LAUNCH_TYPES: tuple[str, ...] = ("science", "industry", "infrastructure", "public")


def theme_of(item_zh: str) -> str:
    """The theme key of one item; :class:`KeyError` if :data:`THEMES` does not place it."""
    for key, theme in THEMES.items():
        if item_zh in theme["items"]:
            return key
    raise KeyError(f"no theme for item {item_zh!r}: add it to sciencecity.industries.THEMES")


def add_themes(items: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``zone_industries`` with a ``theme`` column (every item must have a theme)."""
    out = items.copy()
    out["theme"] = [theme_of(i) for i in out["item_zh"]]
    return out


def zone_category_matrix(
    items: pd.DataFrame,
    column: str = "category",
    zones: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Zones × labels: how many of a zone's items carry each label (``column``, default category).

    ``zones`` and ``labels`` fix the order of rows and columns and add all-zero rows or columns
    for those that have no items; by default both appear in order of first appearance. A zone or
    label of ``items`` missing from a given order is an error (nothing is dropped silently).
    """
    zones = list(dict.fromkeys(items["zone_id"])) if zones is None else list(zones)
    labels = list(dict.fromkeys(items[column])) if labels is None else list(labels)
    for name, given, present in (("zone", zones, items["zone_id"]), (column, labels, items[column])):
        unknown = sorted(set(present) - set(given))
        if unknown:
            raise ValueError(f"{name}(s) not in the given order: {', '.join(unknown)}")
    counts = pd.crosstab(items["zone_id"], items[column])
    matrix = counts.reindex(index=zones, columns=labels, fill_value=0).astype(int)
    matrix.index.name, matrix.columns.name = "zone_id", column
    return matrix


def jaccard(a: Iterable, b: Iterable) -> float:
    """|a ∩ b| / |a ∪ b| of two sets; an error when both are empty (the ratio is undefined)."""
    a, b = set(a), set(b)
    union = a | b
    if not union:
        raise ValueError("the Jaccard similarity of two empty sets is undefined")
    return len(a & b) / len(union)


def cosine(u: Sequence[float], v: Sequence[float]) -> float:
    """u·v / (|u| |v|); an error for a zero vector or vectors of different lengths."""
    u, v = [float(x) for x in u], [float(x) for x in v]
    if len(u) != len(v):
        raise ValueError(f"vectors of different lengths ({len(u)} and {len(v)})")
    norm = math.sqrt(sum(x * x for x in u)) * math.sqrt(sum(y * y for y in v))
    if norm == 0:
        raise ValueError("the cosine similarity with a zero vector is undefined")
    return sum(x * y for x, y in zip(u, v)) / norm


def pairwise_similarity(matrix: pd.DataFrame, method: str = "jaccard") -> pd.DataFrame:
    """Rows × rows similarity of a count matrix: ``jaccard`` of the sets of non-zero columns,
    or ``cosine`` of the count vectors. The diagonal is 1."""
    if method not in ("jaccard", "cosine"):
        raise ValueError(f"unknown method {method!r}: use 'jaccard' or 'cosine'")
    rows = list(matrix.index)
    out = pd.DataFrame(1.0, index=pd.Index(rows, name=matrix.index.name), columns=pd.Index(rows, name=matrix.index.name))
    for r, s in combinations(rows, 2):
        if method == "jaccard":
            value = jaccard(matrix.columns[matrix.loc[r] > 0], matrix.columns[matrix.loc[s] > 0])
        else:
            value = cosine(matrix.loc[r], matrix.loc[s])
        out.loc[r, s] = out.loc[s, r] = value
    return out


def mean_offdiagonal(similarity: pd.DataFrame) -> float:
    """The mean similarity over all distinct pairs (the upper triangle without the diagonal)."""
    rows = list(similarity.index)
    pairs = list(combinations(rows, 2))
    if not pairs:
        raise ValueError("need at least two rows")
    return sum(float(similarity.loc[r, s]) for r, s in pairs) / len(pairs)


def shared_categories(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per column of a zones × labels count matrix: how many zones use it and which (in row
    order, joined by ", "), and whether more than one zone does. Columns in the matrix's order."""
    rows = []
    for label in matrix.columns:
        users = [z for z in matrix.index if matrix.loc[z, label] > 0]
        rows.append({matrix.columns.name or "label": label, "n_zones": len(users), "zones": ", ".join(users), "shared": len(users) > 1})
    return pd.DataFrame(rows)


def shared_share(matrix: pd.DataFrame) -> float:
    """Share (0–1) of the used columns of a count matrix that more than one zone uses."""
    table = shared_categories(matrix)
    used = table[table["n_zones"] > 0]
    if used.empty:
        raise ValueError("no column is used by any zone")
    return float(used["shared"].sum()) / len(used)


def duplicate_items(items: pd.DataFrame, column: str = "item_zh") -> pd.DataFrame:
    """Items that more than one zone lists with the same wording: ``column`` and the zones.
    Empty (with those columns) when every item is unique to its zone."""
    zones_by_item = items.groupby(column, sort=False)["zone_id"].agg(lambda z: list(dict.fromkeys(z)))
    dup = zones_by_item[zones_by_item.map(len) > 1]
    return pd.DataFrame({column: list(dup.index), "zones": [", ".join(z) for z in dup]}, columns=[column, "zones"])


def overlapping_pairs(items: pd.DataFrame, column: str, zones: Sequence[str] | None = None) -> pd.DataFrame:
    """Every pair of zones (in ``zones`` order) with the labels of ``column`` both use.

    Columns: ``zone_a``, ``zone_b``, ``shared`` (the shared labels in order of first appearance,
    joined by ", "; empty when none), ``n_shared``.
    """
    zones = list(dict.fromkeys(items["zone_id"])) if zones is None else list(zones)
    order = list(dict.fromkeys(items[column]))
    sets = {z: set(items.loc[items["zone_id"] == z, column]) for z in zones}
    rows = []
    for a, b in combinations(zones, 2):
        common = [label for label in order if label in sets[a] and label in sets[b]]
        rows.append({"zone_a": a, "zone_b": b, "shared": ", ".join(common), "n_shared": len(common)})
    return pd.DataFrame(rows, columns=["zone_a", "zone_b", "shared", "n_shared"])


# -- The 2020 launch (external.csv, 科技日报 2020-09-17) -------------------------------------


@dataclass(frozen=True)
class SumCheck:
    """Whether the parts (zones or types) add up to the stated city-wide totals."""

    projects_sum: int
    projects_total: int
    investment_sum: float
    investment_total: float

    @property
    def projects_match(self) -> bool:
        return self.projects_sum == self.projects_total

    @property
    def investment_match(self) -> bool:
        return math.isclose(self.investment_sum, self.investment_total, abs_tol=1e-9)

    @property
    def matches(self) -> bool:
        return self.projects_match and self.investment_match


def _launch_row(external: pd.DataFrame, row_id: str) -> pd.Series:
    found = external[external["id"] == row_id]
    if len(found) != 1:
        raise KeyError(f"external.csv has {len(found)} row(s) with id {row_id!r}; expected 1")
    return found.iloc[0]


def _launch_parts(external: pd.DataFrame, keys: Sequence[str], name: str) -> pd.DataFrame:
    rows = []
    for key in keys:
        projects = _launch_row(external, f"launch_projects_{key}")
        investment = _launch_row(external, f"launch_investment_{key}")
        if projects["unit"] != "projects" or investment["unit"] != "亿元":
            raise ValueError(f"unexpected units for {key!r}: {projects['unit']!r}, {investment['unit']!r}")
        rows.append(
            {
                name: key,
                "entity_zh": projects["entity_zh"],
                "entity_en": projects["entity_en"],
                "metric": projects["metric"],
                "projects": int(projects["value"]),
                "investment": float(investment["value"]),
                "approximate": "约" in investment["note"],
            }
        )
    out = pd.DataFrame(rows).set_index(name)
    total = out["investment"].sum()
    out["investment_share_pct"] = 100 * out["investment"] / total
    out["investment_per_project"] = out["investment"] / out["projects"]
    return out


def _launch_suffixes(external: pd.DataFrame) -> list[str]:
    prefix = "launch_projects_"
    return [i[len(prefix) :] for i in external["id"] if i.startswith(prefix)]


def launch_by_zone(external: pd.DataFrame, zones: Sequence[str] | None = None) -> pd.DataFrame:
    """Projects started and investment (亿元) per zone at the 2020 launch, indexed by zone_id.

    ``zones`` gives the zones and their order; by default every ``launch_projects_<zone>`` row
    that is not a project type (:data:`LAUNCH_TYPES`), in file order. Each zone needs both its
    projects row and its investment row. Columns: entity_zh, entity_en, metric, projects,
    investment, approximate (the note says 约), investment_share_pct (of the zones' sum) and
    investment_per_project (亿元).
    """
    if zones is None:
        zones = [s for s in _launch_suffixes(external) if s not in LAUNCH_TYPES]
    return _launch_parts(external, zones, "zone_id")


def launch_by_type(external: pd.DataFrame) -> pd.DataFrame:
    """As :func:`launch_by_zone`, per project type (:data:`LAUNCH_TYPES`), indexed by ``type``."""
    return _launch_parts(external, LAUNCH_TYPES, "type")


def launch_totals(external: pd.DataFrame) -> tuple[int, float]:
    """The stated city-wide totals: projects started and their investment (亿元)."""
    return int(_launch_row(external, "launch_projects")["value"]), float(_launch_row(external, "launch_investment")["value"])


def check_launch_sums(parts: pd.DataFrame, external: pd.DataFrame) -> SumCheck:
    """Add up the parts (from :func:`launch_by_zone` or :func:`launch_by_type`) against the totals."""
    projects_total, investment_total = launch_totals(external)
    return SumCheck(
        projects_sum=int(parts["projects"].sum()),
        projects_total=projects_total,
        investment_sum=float(parts["investment"].sum()),
        investment_total=investment_total,
    )
