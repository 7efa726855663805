"""Industries across the zones: who works on what, how much the zones overlap, the 2020 launch.

Pure functions over the package's tables (``zone_industries``, ``zones``, ``categories``,
``external``); nothing here reads a file or draws a chart. Belongs here: everything the chapter
on industries computes (themes, overlap, the null model, the launch), and its two display tables
(:func:`marked_counts`). Used by :mod:`sciencecity.presentation.industries_results` (the
results of ``book/03_industries.ipynb`` and of the industries checks of ``book/09_checks.ipynb``)
and tested in ``tests/test_industries.py``.

Three levels of detail describe what a zone works on:

- **item**: the article's own wording (``zone_industries.item_zh``), 21 positioning items;
- **theme**: a finer grouping made here, :data:`THEMES` (our judgement, documented per theme):
  items that name the same kind of product, e.g. 集成电路 (chips) and 智能传感器 (sensors);
- **category**: ``zone_industries.category``, the four leading industries of the article plus
  four others (``categories.csv``), also a judgement, with a rationale per item in the data.

Overlap between two zones is measured on each level with the Jaccard similarity of their label
sets (:func:`jaccard`) and the cosine similarity of their count vectors (:func:`cosine`).

The differentiation test (错位布局) compares the observed overlap with what chance alone gives:
:func:`permutation_counts` shuffles the labels over the items many times (each zone keeps its
number of items, each label its number of items: both margins of the zones × labels table are
fixed), a statistic such as :func:`mean_pairwise` is computed on every draw, and
:func:`null_test` says where the observed value falls (:class:`NullTest`). The value-chain
reading (research in the core, commercialisation in the zones) is read from the names of items
and carriers with :func:`function_markers`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
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
    raise KeyError(f"no theme for item {item_zh!r}: add it to sciencecity.analysis.industries.THEMES")


def add_themes(items: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``zone_industries`` with a ``theme`` column (every item must have a theme)."""
    out = items.copy()
    out["theme"] = [theme_of(i) for i in out["item_zh"]]
    return out


@dataclass(frozen=True)
class ZoneRoles:
    """The zones of ``zones.csv`` in its order: every id, the core area's id, the other zones' ids."""

    ids: list[str]
    core: str
    districts: list[str]


def zone_roles(zones: pd.DataFrame) -> ZoneRoles:
    """The zone ids by role (``core``, ``district``) from ``zones.csv``; exactly one core."""
    core = zones.loc[zones["role"] == "core", "zone_id"].tolist()
    if len(core) != 1:
        raise ValueError(f"zones.csv has {len(core)} core zones; expected 1")
    districts = zones.loc[zones["role"] == "district", "zone_id"].tolist()
    return ZoneRoles(ids=zones["zone_id"].tolist(), core=core[0], districts=districts)


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
    return sum(x * y for x, y in zip(u, v, strict=True)) / norm


def pairwise_similarity(matrix: pd.DataFrame, method: str = "jaccard") -> pd.DataFrame:
    """Rows × rows similarity of a count matrix: ``jaccard`` of the sets of non-zero columns,
    or ``cosine`` of the count vectors. The diagonal is 1."""
    if method not in ("jaccard", "cosine"):
        raise ValueError(f"unknown method {method!r}: use 'jaccard' or 'cosine'")
    rows = list(matrix.index)
    out = pd.DataFrame(
        1.0, index=pd.Index(rows, name=matrix.index.name), columns=pd.Index(rows, name=matrix.index.name)
    )
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
        rows.append(
            {
                matrix.columns.name or "label": label,
                "n_zones": len(users),
                "zones": ", ".join(users),
                "shared": len(users) > 1,
            }
        )
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


@dataclass(frozen=True)
class MatrixFacts:
    """What a zones × categories count matrix (:func:`zone_category_matrix`) says about the leading
    industries: categories used, items in and outside the leading industries, items of the two
    largest categories, and per zone how many of the ``n_leading`` leading industries it has."""

    n_leading: int
    categories_used: int
    items_leading: int
    items_other: int
    items_top2: int
    leading_per_zone: pd.Series

    def zones_with_all_leading(self) -> list[str]:
        """The zones with items in every leading industry, in the matrix's order."""
        return [z for z, n in self.leading_per_zone.items() if n == self.n_leading]


def matrix_facts(matrix: pd.DataFrame, leading: Sequence[str]) -> MatrixFacts:
    """The counts of :class:`MatrixFacts` for a zones × categories matrix and its leading categories."""
    leading = list(leading)
    return MatrixFacts(
        n_leading=len(leading),
        categories_used=int((matrix.sum() > 0).sum()),
        items_leading=int(matrix[leading].values.sum()),
        items_other=int(matrix.drop(columns=leading).values.sum()),
        items_top2=int(matrix.sum().nlargest(2).sum()),
        leading_per_zone=(matrix[leading] > 0).sum(axis=1),
    )


def mean_jaccard(matrix: pd.DataFrame) -> float:
    """The mean Jaccard similarity over all pairs of rows of a count matrix, computed as the
    differentiation test computes its observed value (:func:`mean_pairwise`), so the two agree."""
    return float(mean_pairwise(matrix.to_numpy()[None, ...], "jaccard")[0])


def most_similar_pair(similarity: pd.DataFrame) -> tuple[str, str]:
    """The first pair of rows (in row order) with the highest similarity."""
    return max(combinations(similarity.index, 2), key=lambda p: similarity.loc[p])


def dissimilar_pairs(similarity: pd.DataFrame) -> list[tuple[str, str]]:
    """The pairs of rows (in row order) whose similarity is 0: they share nothing."""
    return [p for p in combinations(similarity.index, 2) if similarity.loc[p] == 0]


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
                "approximate": investment["qualifier"] == "约",
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
    return int(_launch_row(external, "launch_projects")["value"]), float(
        _launch_row(external, "launch_investment")["value"]
    )


def check_launch_sums(parts: pd.DataFrame, external: pd.DataFrame) -> SumCheck:
    """Add up the parts (from :func:`launch_by_zone` or :func:`launch_by_type`) against the totals."""
    projects_total, investment_total = launch_totals(external)
    return SumCheck(
        projects_sum=int(parts["projects"].sum()),
        projects_total=projects_total,
        investment_sum=float(parts["investment"].sum()),
        investment_total=investment_total,
    )


@dataclass(frozen=True)
class LaunchFacts:
    """The launch over all zones: planned total investment per project (亿元), and the zone with
    the smallest investment per project."""

    per_project_all: float
    smallest: str


def launch_facts(launch: pd.DataFrame) -> LaunchFacts:
    """:class:`LaunchFacts` of :func:`launch_by_zone`'s table."""
    return LaunchFacts(
        per_project_all=float(launch["investment"].sum() / launch["projects"].sum()),
        smallest=launch["investment_per_project"].idxmin(),
    )


# -- The differentiation test (错位布局): a permutation null model -----------------------------


def permutation_counts(
    items: pd.DataFrame,
    column: str,
    zones: Sequence[str],
    labels: Sequence[str] | None = None,
    *,
    n_draws: int,
    seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """The observed zones × labels counts and ``n_draws`` counts with the labels shuffled.

    Only the items of ``zones`` take part (so a test among some zones shuffles their items
    only). Each draw permutes the ``column`` labels over those items with a
    ``numpy.random.default_rng(seed)`` generator: every zone keeps its number of items and every
    label its number of items. Returns ``(observed, null)`` with shapes ``(Z, L)`` and
    ``(n_draws, Z, L)``, rows in ``zones`` order, columns in ``labels`` order (default: order of
    first appearance among the selected items). The same arguments give the same arrays.
    """
    if n_draws < 1:
        raise ValueError(f"n_draws must be positive, not {n_draws}")
    zones = list(zones)
    chosen = items[items["zone_id"].isin(zones)]
    if chosen.empty:
        raise ValueError("no item belongs to the given zones")
    labels = list(dict.fromkeys(chosen[column])) if labels is None else list(labels)
    unknown = sorted(set(chosen[column]) - set(labels))
    if unknown:
        raise ValueError(f"{column}(s) not in the given labels: {', '.join(unknown)}")
    zone_code = np.array([zones.index(z) for z in chosen["zone_id"]], dtype=np.int64)
    label_code = np.array([labels.index(c) for c in chosen[column]], dtype=np.int64)
    n_z, n_l = len(zones), len(labels)
    observed = np.bincount(zone_code * n_l + label_code, minlength=n_z * n_l).reshape(n_z, n_l)
    rng = np.random.default_rng(seed)
    shuffled = rng.permuted(np.tile(label_code, (n_draws, 1)), axis=1)
    flat = np.arange(n_draws)[:, None] * (n_z * n_l) + zone_code[None, :] * n_l + shuffled
    null = np.bincount(flat.ravel(), minlength=n_draws * n_z * n_l).reshape(n_draws, n_z, n_l)
    return observed, null.astype(np.int16)


def zone_pairs(n_zones: int, first: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``n_zones`` zones; with ``first``, only pairs whose
    ``i`` is in it (e.g. ``first=[0]``: the first zone against each other)."""
    pairs = list(combinations(range(n_zones), 2))
    return pairs if first is None else [(i, j) for i, j in pairs if i in set(first)]


def pairwise_overlap(
    counts: np.ndarray, measure: str = "jaccard", pairs: Sequence[tuple[int, int]] | None = None
) -> np.ndarray:
    """Overlap of the label sets of zone pairs, for counts of shape ``(..., Z, L)``.

    ``measure``: ``jaccard`` (|A ∩ B| / |A ∪ B|) or ``overlap`` (the overlap coefficient,
    |A ∩ B| / min(|A|, |B|), which is 1 whenever the smaller set lies inside the larger one, so a
    zone with more labels does not lower it). A label is in a zone's set when its count is
    positive. Returns shape ``(..., P)`` for the ``pairs`` (default: all, :func:`zone_pairs`).
    """
    if measure not in ("jaccard", "overlap"):
        raise ValueError(f"unknown measure {measure!r}: use 'jaccard' or 'overlap'")
    present = np.asarray(counts) > 0
    pairs = zone_pairs(present.shape[-2]) if pairs is None else list(pairs)
    if not pairs:
        raise ValueError("no pair of zones to compare")
    i, j = (np.array(x) for x in zip(*pairs, strict=True))
    a, b = present[..., i, :], present[..., j, :]
    inter = (a & b).sum(axis=-1)
    size_a, size_b = a.sum(axis=-1), b.sum(axis=-1)
    denom = size_a + size_b - inter if measure == "jaccard" else np.minimum(size_a, size_b)
    if (denom == 0).any():
        raise ValueError(f"{measure} is undefined for a zone without labels")
    return inter / denom


def mean_pairwise(
    counts: np.ndarray, measure: str = "jaccard", pairs: Sequence[tuple[int, int]] | None = None
) -> np.ndarray:
    """The mean of :func:`pairwise_overlap` over the pairs: shape ``(...)`` for ``(..., Z, L)``."""
    return pairwise_overlap(counts, measure, pairs).mean(axis=-1)


def share_in_reference(counts: np.ndarray, reference: int, others: Sequence[int]) -> np.ndarray:
    """Share (0–1) of the items of the ``others`` zones whose label the ``reference`` zone also
    has, for counts of shape ``(..., Z, L)``: how far the other zones work in the reference
    zone's fields."""
    counts = np.asarray(counts)
    others = list(others)
    has = counts[..., reference, :] > 0
    inside = (counts[..., others, :] * has[..., None, :]).sum(axis=(-2, -1))
    total = counts[..., others, :].sum(axis=(-2, -1))
    if (total == 0).any():
        raise ValueError("the other zones have no items")
    return inside / total


#: Values closer than this are one value of a statistic (means of ratios of small integers).
TIE_TOLERANCE = 1e-9


@dataclass(frozen=True, eq=False)
class NullTest:
    """Where an observed statistic falls among its values under the null model (``draws``)."""

    observed: float
    draws: np.ndarray

    @property
    def n_draws(self) -> int:
        return len(self.draws)

    @property
    def n_below(self) -> int:
        return int((self.draws < self.observed - TIE_TOLERANCE).sum())

    @property
    def n_above(self) -> int:
        return int((self.draws > self.observed + TIE_TOLERANCE).sum())

    @property
    def n_equal(self) -> int:
        return self.n_draws - self.n_below - self.n_above

    @property
    def null_mean(self) -> float:
        return float(self.draws.mean())

    def null_range(self, level: float = 0.95) -> tuple[float, float]:
        """The central ``level`` range of the draws (2.5th and 97.5th percentiles by default)."""
        tail = (1 - level) / 2
        low, high = np.quantile(self.draws, [tail, 1 - tail])
        return float(low), float(high)

    @property
    def percentile(self) -> float:
        """Mid-rank percentile (0–100) of the observed value: draws below plus half the ties."""
        return 100 * (self.n_below + 0.5 * self.n_equal) / self.n_draws

    @property
    def p_less(self) -> float:
        """One-sided p-value for "less overlap than chance": (draws ≤ observed + 1) / (n + 1)."""
        return (self.n_below + self.n_equal + 1) / (self.n_draws + 1)

    @property
    def p_greater(self) -> float:
        """One-sided p-value for "more overlap than chance": (draws ≥ observed + 1) / (n + 1)."""
        return (self.n_above + self.n_equal + 1) / (self.n_draws + 1)

    @staticmethod
    def mc_error(p: float, n: int) -> float:
        """Monte-Carlo standard error of a proportion ``p`` estimated from ``n`` draws."""
        return math.sqrt(p * (1 - p) / n)

    def frequencies(self) -> pd.DataFrame:
        """The null distribution as a table: each distinct value, its number and share of draws,
        and whether it is the observed value."""
        values = np.round(self.draws, 9)
        distinct, n = np.unique(values, return_counts=True)
        return pd.DataFrame(
            {
                "value": distinct,
                "draws": n,
                "share": n / self.n_draws,
                "observed": np.abs(distinct - self.observed) <= TIE_TOLERANCE,
            }
        )

    def histogram(self, bins: int = 30) -> pd.DataFrame:
        """The draws in ``bins`` equal bins spanning their range: ``bin_from``, ``bin_to``,
        ``share`` (of all draws; the shares add up to 1)."""
        counts, edges = np.histogram(self.draws, bins=bins)
        return pd.DataFrame({"bin_from": edges[:-1], "bin_to": edges[1:], "share": counts / self.n_draws})


def null_test(statistic, observed_counts: np.ndarray, null_counts: np.ndarray) -> NullTest:
    """Apply ``statistic`` (counts ``(..., Z, L)`` → values ``(...)``) to the observed counts and
    to every draw of :func:`permutation_counts`."""
    observed = float(np.asarray(statistic(observed_counts[None, ...]))[0])
    return NullTest(observed=observed, draws=np.asarray(statistic(null_counts), dtype=float))


#: Draws and seed of the differentiation test: 100,000 draws put the Monte-Carlo standard error
#: of a p-value below 0.002; the seed is the date of the plaque ceremony (2021-05-17).
NULL_DRAWS = 100_000
NULL_SEED = 20210517


def differentiation_tests(
    items: pd.DataFrame,
    zones: Sequence[str],
    core: str,
    labels: dict[str, Sequence[str]],
    *,
    n_draws: int = NULL_DRAWS,
    seed: int = NULL_SEED,
) -> dict[str, NullTest]:
    """The differentiation test and its variants, each against its permutation null.

    ``labels`` gives the order of the labels for ``category`` and ``theme``. Keys:
    ``jaccard_all`` and ``overlap_all`` (mean over all pairs of ``zones``, categories),
    ``jaccard_zones`` and ``overlap_zones`` (the zones other than ``core`` alone, with a null that
    shuffles only their items), ``jaccard_themes`` (all pairs, themes), and the value-chain
    statistics ``jaccard_core``, ``overlap_core`` (mean over the pairs of ``core`` with each
    other zone) and ``share_core`` (share of the other zones' items in the core's categories).
    """
    zones = list(zones)
    if core not in zones:
        raise ValueError(f"the core {core!r} is not among the zones")
    c = zones.index(core)
    others = [i for i in range(len(zones)) if i != c]
    core_pairs = [tuple(sorted((c, i))) for i in others]
    rest = [z for z in zones if z != core]
    obs, null = permutation_counts(items, "category", zones, labels["category"], n_draws=n_draws, seed=seed)
    obs_rest, null_rest = permutation_counts(items, "category", rest, labels["category"], n_draws=n_draws, seed=seed)
    obs_th, null_th = permutation_counts(items, "theme", zones, labels["theme"], n_draws=n_draws, seed=seed)
    return {
        "jaccard_all": null_test(lambda x: mean_pairwise(x, "jaccard"), obs, null),
        "overlap_all": null_test(lambda x: mean_pairwise(x, "overlap"), obs, null),
        "jaccard_zones": null_test(lambda x: mean_pairwise(x, "jaccard"), obs_rest, null_rest),
        "overlap_zones": null_test(lambda x: mean_pairwise(x, "overlap"), obs_rest, null_rest),
        "jaccard_themes": null_test(lambda x: mean_pairwise(x, "jaccard"), obs_th, null_th),
        "jaccard_core": null_test(lambda x: mean_pairwise(x, "jaccard", core_pairs), obs, null),
        "overlap_core": null_test(lambda x: mean_pairwise(x, "overlap", core_pairs), obs, null),
        "share_core": null_test(lambda x: share_in_reference(x, c, others), obs, null),
    }


def null_summary(tests: dict[str, NullTest]) -> pd.DataFrame:
    """One row per test: ``test`` (the key), ``observed``, ``null_mean``, ``null_low`` and
    ``null_high`` (central 95 % of the draws), ``percentile``, ``p_less``, ``p_greater``."""
    rows = []
    for key, t in tests.items():
        low, high = t.null_range()
        rows.append(
            {
                "test": key,
                "observed": t.observed,
                "null_mean": t.null_mean,
                "null_low": low,
                "null_high": high,
                "percentile": t.percentile,
                "p_less": t.p_less,
                "p_greater": t.p_greater,
            }
        )
    return pd.DataFrame(rows)


def chance_reading(test: NullTest, alpha: float = 0.05) -> str:
    """``less`` or ``more`` when the observed value lies below or above chance at one-sided level
    ``alpha``, ``chance`` when neither p-value is below it."""
    if test.p_less < alpha:
        return "less"
    if test.p_greater < alpha:
        return "more"
    return "chance"


# -- The value-chain reading: research in the core, commercialisation in the zones ------------

#: Words in a name that mark research (and teaching) and words that mark production or
#: application. A reading of the article's wording, not of what happens on the ground.
RESEARCH_MARKERS: tuple[str, ...] = ("研发", "研究", "创新", "科学", "学院")
PRODUCTION_MARKERS: tuple[str, ...] = ("制造", "生产", "产业", "工业", "应用")


def function_of(name: str) -> str:
    """``research``, ``production``, ``both`` or ``none``: which marker words a name contains."""
    research = any(m in name for m in RESEARCH_MARKERS)
    production = any(m in name for m in PRODUCTION_MARKERS)
    return {(True, True): "both", (True, False): "research", (False, True): "production"}.get(
        (research, production), "none"
    )


def function_markers(frame: pd.DataFrame, name_column: str) -> pd.DataFrame:
    """Per zone: how many names (items or carriers) carry a research marker, a production marker,
    both or neither (:func:`function_of`). Zones in order of first appearance; columns
    ``zone_id, n, research, production, both, none`` where ``research`` and ``production`` count
    names with that marker only."""
    kinds = ("research", "production", "both", "none")
    typed = frame.assign(function=[function_of(n) for n in frame[name_column]])
    counts = pd.crosstab(typed["zone_id"], typed["function"]).reindex(
        index=list(dict.fromkeys(frame["zone_id"])), columns=list(kinds), fill_value=0
    )
    counts.insert(0, "n", counts.sum(axis=1))
    counts.columns.name = None
    return counts.reset_index()


#: The columns of :func:`function_markers` that count the names with a marker of each kind:
#: ``research`` or ``production`` (alone or with the other kind), ``any`` marker, ``all`` names.
MARKED_COLUMNS: dict[str, tuple[str, ...]] = {
    "research": ("research", "both"),
    "production": ("production", "both"),
    "any": ("research", "production", "both"),
    "all": ("n",),
}


def count_marked(markers: pd.DataFrame, kind: str, zones: Sequence[str]) -> int:
    """How many names of the ``zones`` carry a marker of ``kind`` (:data:`MARKED_COLUMNS`).
    ``markers`` is :func:`function_markers` indexed by ``zone_id``."""
    return int(markers.loc[list(zones), list(MARKED_COLUMNS[kind])].to_numpy().sum())


def zones_marked(markers: pd.DataFrame, kind: str, zones: Sequence[str]) -> list[str]:
    """The ``zones`` (in their order) with at least one name carrying a marker of ``kind``."""
    return [z for z in zones if count_marked(markers, kind, [z]) > 0]


# -- Display tables --------------------------------------------------------------------------


def marked_counts(markers: pd.DataFrame, kind: str, zones: Sequence[str]) -> list[str]:
    """``"k of n"`` per zone: how many names carry a marker of ``kind`` (alone or with the other kind).

    ``markers`` is :func:`function_markers` indexed by ``zone_id``; ``kind`` is ``research`` or
    ``production``; ``zones`` gives the zones and their order.
    """
    if kind not in ("research", "production"):
        raise ValueError(f"kind must be 'research' or 'production', not {kind!r}")
    return [f"{markers.loc[z, kind] + markers.loc[z, 'both']} of {markers.loc[z, 'n']}" for z in zones]
