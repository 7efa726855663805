"""The data tables of ``data/``: read, check against their schema and the seed, load as pandas.

``data/datapackage.json`` (a Frictionless Data Package) describes every table: its columns in
order, their types, required fields, enum and pattern constraints, primary and foreign keys.
One resource is not a table: a GeoJSON FeatureCollection (``"format": "geojson"``, profile
``data-resource``), the district boundaries. The descriptor lists its feature properties under
the resource's own key ``properties`` (name, type, constraints, like a table's fields) instead of
a tabular ``schema``; :func:`check_package` checks that file too (:func:`_read_geojson`: JSON,
a FeatureCollection, every feature's properties against that list, every geometry a valid,
non-empty Polygon or MultiPolygon), and :func:`load_features` returns its checked features.
This module reads that descriptor and checks the CSV files against it itself, because the
``frictionless`` library takes seconds to validate the package and notebooks load data often;
the tests hold the two to the same standard (``tests/test_datapackage.py``).

Besides the schema, every table that quotes the seed is checked against it: the quoted text
must stand in the seed at its ``start`` offset. What the columns mean (a reported figure has a
value, a lost one a lower bound, Chinese and English columns not swapped …) is checked by the
content rules of :mod:`sciencecity.validate`; :func:`load_package` runs them too.

Any problem raises one :class:`DataError` whose message names the file, the CSV line and the
column of every problem found (for the GeoJSON file: the feature, by its 1-based position in
``features`` and its first property, and the property); nothing is returned half-loaded.

Typical use in a notebook::

    from sciencecity.data import figure, load_figures, load_table
    figure("gdp_growth_h1").value          # 19.8
    load_figures().loc["signed_projects_h1", "scope"]   # '直管区'
    load_table("zone_industries")

Column types in the returned frames: ``number`` columns are ``float64`` (NaN when empty),
``integer`` columns pandas ``Int64`` (``<NA>`` when empty), ``boolean`` columns ``bool``, and
``string`` columns ``str`` with ``""`` when empty.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from . import paths
from .seed import SeedError, load_seed

__all__ = [
    "DataError",
    "Figure",
    "check_package",
    "figure",
    "load_features",
    "load_figures",
    "load_package",
    "load_table",
    "table_names",
]

DESCRIPTOR = "datapackage.json"
#: The ``format`` of a resource that is a GeoJSON FeatureCollection, not a CSV table.
GEOJSON = "geojson"
#: The geometry types a GeoJSON resource may hold: the package's GeoJSON holds areas.
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")

#: The column each seed-quoting table has verbatim at its ``start`` offset.
VERBATIM_COLUMN = {
    "figures": "quote",
    "non_figures": "text",
    "zones": "quote",
    "zone_industries": "item_zh",
    "zone_carriers": "carrier_zh",
    "institutions": "quote",
    "events": "quote",
    "translations": "zh",
}

# ASCII digits only: ``\d`` would also match full-width and other Unicode digits (１２, ١٢).
# The Table Schema's lexical forms: XML Schema's decimal (with an exponent, and the special values
# NaN, INF and -INF) and integer, in ASCII digits, as the standard writes them.
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|NaN|INF|-INF")
_INTEGER = re.compile(r"[+-]?[0-9]+")
#: The Table Schema constraints this module implements, as the standard defines them. A
#: descriptor using any other constraint is refused with a message naming it, never ignored.
CONSTRAINTS = ("required", "unique", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength")
#: Problems reported cell by cell in one column before the rest are counted in one line.
CELLS_PER_COLUMN = 2
#: The field types this module reads; anything else in the descriptor is an error.
TYPES = ("string", "number", "integer", "boolean")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TRUE = {"true", "True", "TRUE", "1"}
_FALSE = {"false", "False", "FALSE", "0"}


class DataError(ValueError):
    """``data/`` does not match its schema or the seed. ``problems`` lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in data/:\n" + "\n".join(problems))


@dataclass(frozen=True)
class Field:
    """One column of a Table Schema, with the constraints this project uses."""

    name: str
    type: str = "string"
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: re.Pattern[str] | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    missing: tuple[str, ...] = ("",)

    @classmethod
    def from_descriptor(cls, desc: dict[str, Any], missing: tuple[str, ...] = ("",)) -> Field:
        cons = desc.get("constraints", {})
        return cls(
            name=desc["name"],
            type=desc.get("type", "string"),
            required=bool(cons.get("required", False)),
            unique=bool(cons.get("unique", False)),
            enum=tuple(str(v) for v in cons["enum"]) if "enum" in cons else None,
            # re.ASCII: a pattern's \d means [0-9], never a full-width digit (the descriptor writes [0-9]).
            pattern=re.compile(cons["pattern"], re.ASCII) if "pattern" in cons else None,
            minimum=cons.get("minimum"),
            maximum=cons.get("maximum"),
            min_length=cons.get("minLength"),
            max_length=cons.get("maxLength"),
            missing=missing,
        )

    def parse(self, cell: str) -> tuple[Any, str | None]:
        """The cell's typed value and ``None``, or ``None`` and what is wrong with the cell.

        A cell equal to one of the schema's ``missingValues`` (by default the empty string) is
        empty. Constraints as the Table Schema defines them: ``enum`` compares typed values,
        ``minLength``/``maxLength`` count a string's characters, ``minimum``/``maximum`` bound a
        number or integer (inclusive).
        """
        if cell in self.missing:
            return (None, "is required but empty") if self.required else (None, None)
        if self.type == "number":
            if not _NUMBER.fullmatch(cell):
                return None, f"{cell!r} is not a number"
            value: Any = float(cell)
        elif self.type == "integer":
            if not _INTEGER.fullmatch(cell):
                return None, f"{cell!r} is not an integer"
            value = int(cell)
        elif self.type == "boolean":
            if cell not in _TRUE | _FALSE:
                return None, f"{cell!r} is not a boolean (true or false)"
            value = cell in _TRUE
        else:
            value = cell
        if self.enum is not None and not self._in_enum(cell, value):
            return None, f"{cell!r} is not one of the allowed values {', '.join(self.enum)}"
        if self.pattern is not None and not self.pattern.fullmatch(cell):
            return None, f"{cell!r} does not match the pattern {self.pattern.pattern}"
        if self.minimum is not None and value < self.minimum:
            return None, f"{cell!r} is below the minimum {self.minimum}"
        if self.maximum is not None and value > self.maximum:
            return None, f"{cell!r} is above the maximum {self.maximum}"
        if self.min_length is not None and len(cell) < self.min_length:
            return None, f"{cell!r} is shorter than the minimum length {self.min_length}"
        if self.max_length is not None and len(cell) > self.max_length:
            return None, f"{cell!r} is longer than the maximum length {self.max_length}"
        return value, None

    def _in_enum(self, cell: str, value: Any) -> bool:
        """``enum`` holds typed values: ``5.0`` is in a number field's enum ``[5]``."""
        if self.type in ("number", "integer"):
            return any(_NUMBER.fullmatch(e) and float(e) == value for e in self.enum or ())
        if self.type == "boolean":
            return any((e in _TRUE) == value for e in self.enum or () if e in _TRUE | _FALSE)
        return cell in (self.enum or ())


@dataclass(frozen=True)
class Resource:
    """One resource of the package: its file, columns and keys (a GeoJSON one: its feature properties)."""

    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]
    format: str = "csv"
    properties: tuple[Field, ...] = ()

    @property
    def tabular(self) -> bool:
        """Whether the file is a CSV table (else a GeoJSON FeatureCollection)."""
        return self.format != GEOJSON

    @classmethod
    def from_descriptor(cls, desc: dict[str, Any]) -> Resource:
        if desc.get("format") == GEOJSON:
            props = tuple(Field.from_descriptor(f) for f in desc["properties"])
            return cls(
                name=desc["name"],
                path=desc["path"],
                fields=(),
                primary_key=(),
                foreign_keys=(),
                format=GEOJSON,
                properties=props,
            )
        schema = desc["schema"]
        pk = schema.get("primaryKey", [])

        def names(value: str | list[str]) -> tuple[str, ...]:
            return (value,) if isinstance(value, str) else tuple(value)

        # A foreign key to resource "" refers to the table itself (the standard's self-reference).
        fks = tuple(
            (names(fk["fields"]), fk["reference"]["resource"] or desc["name"], names(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", [])
        )
        missing = tuple(schema.get("missingValues", [""]))
        return cls(
            name=desc["name"],
            path=desc["path"],
            fields=tuple(Field.from_descriptor(f, missing) for f in schema["fields"]),
            primary_key=tuple([pk] if isinstance(pk, str) else pk),
            foreign_keys=fks,
        )

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass
class Table:
    """A checked table: typed rows and the CSV line each row starts on."""

    resource: Resource
    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame with the column types documented in the module."""
        columns = {}
        for f in self.resource.fields:
            values = [row[f.name] for row in self.rows]
            if f.type == "number":
                columns[f.name] = pd.Series([math.nan if v is None else v for v in values], dtype="float64")
            elif f.type == "integer":
                columns[f.name] = pd.Series(values, dtype="Int64")
            elif f.type == "boolean":
                columns[f.name] = pd.Series(values, dtype="bool")
            else:
                columns[f.name] = pd.Series(["" if v is None else v for v in values], dtype="object")
        return pd.DataFrame(columns)


def _constraint_problems(cons: Any) -> list[str]:
    """What is wrong with a field's ``constraints`` object (the ones this module reads)."""
    if not isinstance(cons, dict):
        return ["'constraints' must be an object"]
    problems = [
        f"constraint {key!r} is not supported by this validator (supported: {', '.join(CONSTRAINTS)})"
        for key in cons
        if key not in CONSTRAINTS
    ]
    for key in ("required", "unique"):
        if key in cons and not isinstance(cons[key], bool):
            problems.append(f"constraint {key!r} must be true or false")
    if "enum" in cons and not isinstance(cons["enum"], list):
        problems.append("constraint 'enum' must be a list")
    for key in ("minimum", "maximum"):
        if key in cons and (isinstance(cons[key], bool) or not isinstance(cons[key], (int, float))):
            problems.append(f"constraint {key!r} must be a number")
    for key in ("minLength", "maxLength"):
        if key in cons and (isinstance(cons[key], bool) or not isinstance(cons[key], int) or cons[key] < 0):
            problems.append(f"constraint {key!r} must be a non-negative integer")
    if "pattern" in cons:
        try:
            re.compile(cons["pattern"], re.ASCII)
        except (re.error, TypeError) as exc:
            problems.append(f"constraint 'pattern' is not a regular expression ({exc})")
    return problems


#: The type the rules read a column of this name as, wherever it appears (``start`` is an offset …).
COLUMN_TYPES = {
    "start": ("integer",),
    "value": ("number", "integer"),
    "implied_min": ("number", "integer"),
    "year_restored": ("integer",),
    "leading_industry": ("boolean",),
    **{
        name: ("string",)
        for name in (
            "id quote text zh en unit period date source_date url metric kind status scope scope_zh entity_zh "
            "label_zh label_en survives also_at article_ids evidence_ids rule zone_id zone_zh note qualifier "
            "stated_in relation figure_id external_id later_id restored_from date_as_written year_status "
            "period_type subject source item_zh carrier_zh category claim_id event_id institution_id"
        ).split()
    },
}
#: The field types each bounding constraint applies to (Table Schema).
_APPLIES = {
    "minimum": ("number", "integer"),
    "maximum": ("number", "integer"),
    "minLength": ("string",),
    "maxLength": ("string",),
}


def _inapplicable(cons: Any, type_: str) -> list[str]:
    """The constraints of ``cons`` that the standard does not define for a field of this type."""
    if not isinstance(cons, dict):
        return []
    return [key for key, types in _APPLIES.items() if key in cons and type_ not in types]


def _fields_problems(fields: list[Any], where: str, kind: str) -> list[str]:
    """What is wrong with a list of field (or GeoJSON property) descriptors: names, types, constraints."""
    problems = []
    names = [f.get("name") if isinstance(f, dict) else None for f in fields]
    for j, (f, fname) in enumerate(zip(fields, names, strict=True)):
        if not isinstance(fname, str) or not fname.strip():
            problems.append(f"{where}: {kind} #{j + 1} has no name")
        elif names.count(fname) > 1 and names.index(fname) == j:
            problems.append(f"{where}: {kind} {fname!r} is listed twice")
        elif f.get("type", "string") not in TYPES:
            problems.append(
                f"{where}: {kind} {fname!r} has type {f.get('type')!r}, which this validator does not support "
                f"(supported: {', '.join(TYPES)})"
            )
        elif f.get("type", "string") not in COLUMN_TYPES.get(fname, TYPES):
            problems.append(
                f"{where}: {kind} {fname!r} has type {f.get('type', 'string')!r}, but the rules read {fname!r} as "
                f"{' or '.join(COLUMN_TYPES[fname])}"
            )
        else:
            cons = f.get("constraints", {})
            problems += [f"{where}: {kind} {fname!r}: {p}" for p in _constraint_problems(cons)]
            problems += [
                f"{where}: {kind} {fname!r}: constraint {key!r} does not apply to a {f.get('type', 'string')} field"
                for key in _inapplicable(cons, f.get("type", "string"))
            ]
    return problems


def _geojson_descriptor_problems(res: dict[str, Any], label: str) -> list[str]:
    """A GeoJSON resource: a ``.geojson`` path, no tabular schema, a list of feature ``properties``."""
    where, problems = f"{DESCRIPTOR}: {label}", []
    if not str(res.get("path", "")).endswith(".geojson"):
        problems.append(f"{where}: format 'geojson' needs a .geojson file, not {res.get('path')!r}")
    if "schema" in res:
        problems.append(
            f"{where}: a GeoJSON resource has no tabular 'schema' (its feature properties go in 'properties')"
        )
    props = res.get("properties")
    if not isinstance(props, list) or not props:
        return problems + [f"{where}: no 'properties' list (the feature properties: name, type, constraints)"]
    return problems + _fields_problems(props, where, "property")


def _descriptor_problems(resources: list[dict[str, Any]]) -> list[str]:
    """What is wrong with the resources of a descriptor that parsed as JSON (names, keys, types)."""
    where, problems = DESCRIPTOR, []
    fields_of: dict[str, list[str]] = {}
    not_tables: set[str] = set()
    seen_paths: set[str] = set()
    for i, res in enumerate(resources):
        name = res.get("name") if isinstance(res, dict) else None
        label = f"resource {name!r}" if name else f"resource #{i + 1}"
        if not isinstance(name, str) or not name:
            problems.append(f"{where}: {label}: no name")
            continue
        if name in fields_of or name in not_tables:
            problems.append(f"{where}: {label}: the name is used twice")
        path = res.get("path")
        if not isinstance(path, str) or not path or path.startswith(("/", "\\")) or ".." in Path(path).parts:
            problems.append(f"{where}: {label}: 'path' must be a file name inside data/, not {path!r}")
        elif path in seen_paths:
            problems.append(f"{where}: {label}: path {path!r} is used by another resource")
        else:
            seen_paths.add(path)
        if res.get("format") == GEOJSON:
            problems += _geojson_descriptor_problems(res, label)
            not_tables.add(name)
            continue
        schema = res.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not fields:
            problems.append(f"{where}: {label}: no schema fields")
            fields_of[name] = []
            continue
        problems += _fields_problems(fields, f"{where}: {label}", "field")
        missing = schema.get("missingValues", [""])
        if not isinstance(missing, list) or not all(isinstance(v, str) for v in missing):
            problems.append(f"{where}: {label}: 'missingValues' must be a list of strings")
        fields_of[name] = [f.get("name") for f in fields if isinstance(f, dict) and isinstance(f.get("name"), str)]
    for res in resources:
        if not isinstance(res, dict) or res.get("name") not in fields_of or not isinstance(res.get("schema"), dict):
            continue
        label, own, schema = f"resource {res['name']!r}", fields_of[res["name"]], res["schema"]
        pk = schema.get("primaryKey", [])
        for col in [pk] if isinstance(pk, str) else pk if isinstance(pk, list) else [repr(pk)]:
            if col not in own:
                problems.append(f"{where}: {label}: primaryKey names {col!r}, which is not one of its fields")
        for fk in schema.get("foreignKeys", []):
            try:
                cols, ref = fk["fields"], fk["reference"]
                ref_name, ref_cols = ref["resource"], ref["fields"]
            except (KeyError, TypeError):
                problems.append(f"{where}: {label}: a foreign key needs 'fields' and 'reference' (resource, fields)")
                continue
            cols = [cols] if isinstance(cols, str) else cols
            ref_cols = [ref_cols] if isinstance(ref_cols, str) else ref_cols
            ref_name = ref_name or res["name"]  # "": the table itself
            for col in cols:
                if col not in own:
                    problems.append(f"{where}: {label}: foreign key field {col!r} is not one of its fields")
            if ref_name in not_tables:
                problems.append(
                    f"{where}: {label}: foreign key {cols} references resource {ref_name!r}, which is not a table"
                )
                continue
            if ref_name not in fields_of:
                problems.append(
                    f"{where}: {label}: foreign key {cols} references resource {ref_name!r}, "
                    "which the package does not have"
                )
                continue
            for col in ref_cols:
                if col not in fields_of[ref_name]:
                    problems.append(
                        f"{where}: {label}: foreign key {cols} references field {col!r}, "
                        f"which resource {ref_name!r} does not have"
                    )
            if len(cols) != len(ref_cols):
                problems.append(
                    f"{where}: {label}: foreign key {cols} has {len(cols)} field(s) but references {len(ref_cols)}"
                )
    return problems


def read_descriptor(data_dir: Path) -> list[Resource]:
    """The package's resources, in descriptor order. Raises :class:`DataError` if unreadable.

    The descriptor is checked before any table is read: every resource has a name, a file name
    inside ``data/`` and named fields of a known type (a GeoJSON resource: named properties);
    primary and foreign keys name fields that exist, in tables that exist. A problem names
    ``datapackage.json``.
    """
    path = data_dir / DESCRIPTOR
    try:
        desc = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise DataError([f"{path}: cannot read ({exc.strerror})"]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError([f"{path}: not valid JSON ({exc})"]) from None
    resources = desc.get("resources") if isinstance(desc, dict) else None
    if not isinstance(resources, list) or not resources:
        raise DataError([f"{path}: not a data package descriptor (no 'resources' list)"])
    problems = _descriptor_problems(resources)
    if problems:
        raise DataError(problems)
    try:
        return [Resource.from_descriptor(r) for r in resources]
    except (ValueError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise DataError([f"{path}: not a valid data package descriptor ({type(exc).__name__}: {exc})"]) from None


def _read_table(data_dir: Path, res: Resource, problems: list[str]) -> Table | None:
    """Read and type one CSV file, appending problems; ``None`` when its structure is broken."""
    where = res.path
    try:
        raw = (data_dir / res.path).read_bytes()
    except OSError as exc:
        problems.append(f"{where}: cannot read ({exc.strerror})")
        return None
    if not raw.strip():
        problems.append(f"{where}: empty file")
        return None
    try:
        # A byte-order mark (Excel writes one before UTF-8 CSV) is accepted and dropped.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(f"{where}: not UTF-8 at byte {exc.start}")
        return None
    if not text.endswith("\n"):
        problems.append(f"{where}: truncated: the file does not end with a newline")
        return None
    if "\r" in text:
        problems.append(f"{where}: CR line endings: use LF only")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return _read_rows(res, reader, problems)
    except csv.Error as exc:
        problems.append(f"{where}:{reader.line_num}: malformed CSV ({exc})")
        return None


def _read_rows(res: Resource, reader: Any, problems: list[str]) -> Table | None:  # reader: a csv.reader
    """Check the header and type every row of an open CSV reader (see :func:`_read_table`)."""
    where = res.path
    header = next(reader)
    expected = res.columns
    blank = [i + 1 for i, c in enumerate(header) if not c.strip()]
    if blank:
        trailing = " (a trailing comma?)" if blank == [len(header)] else ""
        problems.append(f"{where}:1: column {', '.join(map(str, blank))} of the header has no name{trailing}")
        return None
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"extra column(s) {', '.join(extra)}")
        detail = "; ".join(parts) or f"columns out of order: expected {', '.join(expected)}"
        problems.append(f"{where}:1: {detail}")
        return None
    table, line, n_before = Table(res), 2, len(problems)
    # One defect, one message: a column whose cells fail by the dozen (a changed type or a new
    # constraint) is reported for its first cells, then once with the count of the others.
    failing: dict[str, list[int]] = {}
    for cells in reader:
        if len(cells) == len(expected) + 1 and cells[-1] == "":
            problems.append(f"{where}:{line}: an empty cell after the last column {expected[-1]!r} (a trailing comma?)")
        elif len(cells) != len(expected):
            problems.append(
                f"{where}:{line}: {len(cells)} cells where the header has {len(expected)} (truncated or malformed row)"
            )
        else:
            row = {}
            for f, cell in zip(res.fields, cells, strict=True):
                row[f.name], error = f.parse(cell)
                if error:
                    failing.setdefault(f.name, []).append(line)
                    if len(failing[f.name]) <= CELLS_PER_COLUMN:
                        problems.append(f"{where}:{line}: column {f.name!r}: {error}")
            table.rows.append(row)
            table.lines.append(line)
        line = reader.line_num + 1
    for name, lines in failing.items():
        if len(lines) > CELLS_PER_COLUMN:
            more = lines[CELLS_PER_COLUMN:]
            problems.append(
                f"{where}:{more[0]}: column {name!r}: and {len(more)} more cell(s) of this column, on lines "
                f"{more[0]} to {more[-1]} (the column's type or constraints changed?)"
            )
    if not table.rows and len(problems) == n_before:
        problems.append(f"{where}: no rows after the header")
    return table if len(problems) == n_before else None


def _geometry_problem(geometry: Any) -> str | None:
    """What is wrong with a GeoJSON geometry object (shapely reads it), or ``None``."""
    import shapely  # only here: the CSV tables do not need it
    from shapely.geometry import shape

    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
        return f"{kind!r} is not a GeoJSON {' or '.join(GEOMETRY_TYPES)}"
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError, shapely.errors.ShapelyError) as exc:
        return f"not a readable {geometry['type']} ({type(exc).__name__}: {exc})"
    if geom.is_empty:
        return "empty geometry"
    if not geom.is_valid:
        return f"invalid geometry ({shapely.is_valid_reason(geom)})"
    return None


def _property_problem(f: Field, value: Any) -> str | None:
    """What is wrong with one feature property's JSON value, by its field descriptor, or ``None``."""
    json_type = {"string": str, "number": (int, float), "integer": int, "boolean": bool}[f.type]
    if value is None or value == "":
        return "is required but missing or empty" if f.required else None
    if not isinstance(value, json_type) or (isinstance(value, bool) and f.type != "boolean"):
        return f"{value!r} is not a JSON {f.type}"
    _, error = f.parse(value if isinstance(value, str) else json.dumps(value))
    if error:
        return error
    if isinstance(value, str) and (f.name == "zh" or f.name.endswith("_zh")) and not _HAN.search(value):
        return f"{value[:30]!r} has no Chinese character"
    if isinstance(value, str) and (f.name == "en" or f.name.endswith("_en")) and _HAN.search(value):
        return f"{value[:30]!r} has Chinese characters in an English property"
    return None


def _read_geojson(data_dir: Path, res: Resource, problems: list[str]) -> list[dict[str, Any]] | None:
    """:func:`_check_geojson` on the file's bytes, remembered for the same bytes and resource (the
    geometries take most of the validator's time, and ``validate`` reads the file twice)."""
    try:
        raw = (data_dir / res.path).read_bytes()
    except OSError as exc:
        problems.append(f"{res.path}: cannot read ({exc.strerror})")
        return None
    found, features = _check_geojson(raw, res)
    problems += found
    return None if features is None else json.loads(features)


@lru_cache(maxsize=8)
def _check_geojson(raw: bytes, res: Resource) -> tuple[list[str], str | None]:
    problems: list[str] = []
    features = _read_geojson_bytes(raw, res, problems)
    return problems, None if features is None else json.dumps(features)


def _read_geojson_bytes(raw: bytes, res: Resource, problems: list[str]) -> list[dict[str, Any]] | None:
    """Read and check a GeoJSON resource, appending problems; its features, or ``None`` if any problem.

    The file: UTF-8 JSON, a ``FeatureCollection`` with at least one feature. Each feature: a
    ``Feature`` whose ``properties`` are exactly the descriptor's ``properties`` (JSON type,
    required, unique, enum, pattern; ``*_zh`` holds a Chinese character, ``*_en`` none), and
    whose ``geometry`` shapely reads as a valid, non-empty Polygon or MultiPolygon. A problem
    reads ``file: feature N (first property's value): property 'name': what is wrong``, N the
    feature's 1-based position in ``features``.
    """
    where, n_before = res.path, len(problems)
    try:
        text = raw.decode("utf-8")
        collection = json.loads(text)
    except UnicodeDecodeError as exc:
        problems.append(f"{where}: not UTF-8 at byte {exc.start}")
        return None
    except ValueError as exc:
        problems.append(f"{where}: not JSON ({exc})")
        return None
    features = collection.get("features") if isinstance(collection, dict) else None
    if (
        not isinstance(collection, dict)
        or collection.get("type") != "FeatureCollection"
        or not isinstance(features, list)
    ):
        problems.append(
            f"{where}: not a GeoJSON FeatureCollection (an object with type 'FeatureCollection' and a 'features' list)"
        )
        return None
    if not features:
        problems.append(f"{where}: no features")
        return None
    names = [f.name for f in res.properties]
    seen: dict[str, dict[Any, int]] = {f.name: {} for f in res.properties if f.unique}
    for i, feat in enumerate(features, start=1):
        props = feat.get("properties") if isinstance(feat, dict) else None
        key = props.get(names[0]) if isinstance(props, dict) else None
        label = f"{where}: feature {i}" + (f" ({key})" if isinstance(key, (str, int)) and key != "" else "")
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            problems.append(f"{label}: not a GeoJSON Feature (an object with type 'Feature')")
            continue
        if not isinstance(props, dict):
            problems.append(f"{label}: no 'properties' object")
            props = {}
        for f in res.properties:
            if f.name not in props:
                problems.append(f"{label}: property {f.name!r}: missing")
                continue
            value = props[f.name]
            error = _property_problem(f, value)
            if error:
                problems.append(f"{label}: property {f.name!r}: {error}")
            elif f.unique and value not in (None, ""):
                hashable = json.dumps(value, ensure_ascii=False)
                if hashable in seen[f.name]:
                    problems.append(
                        f"{label}: property {f.name!r}: {value!r} is not unique (also feature {seen[f.name][hashable]})"
                    )
                else:
                    seen[f.name][hashable] = i
        for extra in [p for p in props if p not in names]:
            problems.append(f"{label}: property {extra!r}: not one of the descriptor's properties ({', '.join(names)})")
        error = _geometry_problem(feat.get("geometry"))
        if error:
            problems.append(f"{label}: geometry: {error}")
    return features if len(problems) == n_before else None


#: Invisible format characters (zero-width space, joiners, marks, BOM): a key with one is the same key.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalised(value: Any) -> Any:
    """A key as compared: NFC, without invisible characters, without surrounding spaces."""
    if not isinstance(value, str):
        return value
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", value)).strip()


def _check_keys(tables: dict[str, Table], problems: list[str]) -> None:
    """Unique fields, primary keys and foreign keys across the loaded tables."""
    for table in tables.values():
        res = table.resource
        keys = [(f.name,) for f in res.fields if f.unique]
        if res.primary_key and res.primary_key not in keys:
            keys.append(res.primary_key)
        for key in keys:
            seen: dict[tuple, int] = {}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = tuple(normalised(row[c]) for c in key)
                if value in seen:
                    problems.append(
                        f"{res.path}:{line}: column {', '.join(key)!r}: duplicate {'/'.join(map(str, value))} "
                        f"(first on line {seen[value]})"
                    )
                else:
                    seen[value] = line
        for fields, ref_name, ref_fields in res.foreign_keys:
            ref = tables.get(ref_name)
            if ref is None:
                continue  # the referenced table has its own problems, already reported
            targets = {tuple(normalised(r[c]) for c in ref_fields) for r in ref.rows}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = tuple(normalised(row[c]) for c in fields)
                if all(v is None for v in value):
                    continue
                if value not in targets:
                    problems.append(
                        f"{res.path}:{line}: column {', '.join(fields)!r}: {'/'.join(map(str, value))} "
                        f"is not found in column {', '.join(ref_fields)!r} of {ref.resource.path}"
                    )


def _check_seed(tables: dict[str, Table], seed: str, problems: list[str]) -> None:
    """Every verbatim column stands in the seed at its ``start`` offset; ``also_at`` is in range."""
    for name, column in VERBATIM_COLUMN.items():
        table = tables.get(name)
        if table is None:
            continue
        if not {column, "start"} <= set(table.resource.columns):
            problems.append(
                f"{DESCRIPTOR}: resource {name!r} needs the columns {column!r} and 'start' "
                "to be checked against the seed"
            )
            continue
        for row, line in zip(table.rows, table.lines, strict=True):
            text, start = row[column], row["start"]
            found = seed[start : start + len(text)]
            if found != text:
                problems.append(
                    f"{table.resource.path}:{line}: column {column!r}: {text!r} is not at offset {start} of the seed "
                    f"(the seed has {found!r} there)"
                )
            for pos in (row.get("also_at") or "").split(";"):
                if pos and int(pos) >= len(seed):
                    problems.append(f"{table.resource.path}:{line}: column 'also_at': {pos} is beyond the seed's end")


def check_package(data_dir: Path | None = None, seed_path: Path | None = None) -> tuple[dict[str, Table], list[str]]:
    """Read every table of the package and check it; return the tables and the problems found.

    The checks: the seed's checksum; each file readable, UTF-8, LF-terminated, not empty; its
    header the schema's columns in order; every cell of the right type and within its
    constraints; unique and primary keys unique; foreign keys resolving; every verbatim column
    at its offset in the seed; a GeoJSON resource as :func:`_read_geojson` says (it is not in
    the returned mapping, which holds tables). A table with a problem is left out of it. What
    the columns mean (figures against their quotes, cross-table agreement) is checked by
    :mod:`sciencecity.validate`, which :func:`load_package` also runs.
    """
    data_dir = Path(data_dir or paths.DATA_DIR)
    try:
        seed = load_seed(seed_path)
    except SeedError as exc:
        return {}, [f"seed: {exc}"]
    problems: list[str] = []
    tables: dict[str, Table] = {}
    for res in read_descriptor(data_dir):
        if not res.tabular:
            _read_geojson(data_dir, res, problems)
            continue
        table = _read_table(data_dir, res, problems)
        if table is not None:
            tables[res.name] = table
    _check_keys(tables, problems)
    _check_seed(tables, seed, problems)
    # Every problem message starts with the file it blames.
    blamed = {problem.split(":", 1)[0] for problem in problems}
    return {name: t for name, t in tables.items() if t.resource.path not in blamed}, problems


def _signature(data_dir: Path) -> tuple:
    """What identifies the files' current contents cheaply: names, sizes and mtimes."""
    return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in data_dir.iterdir() if p.is_file()))


@lru_cache(maxsize=4)
def _load(data_dir: Path, seed_path: Path | None, signature: tuple) -> dict[str, pd.DataFrame]:
    from .validate import check_copies, content_problems  # validate builds on this module

    tables, problems = check_package(data_dir, seed_path)
    if not problems:
        problems = content_problems(tables, load_seed(seed_path)) + check_copies(data_dir)
    if problems:
        raise DataError(problems)
    return {name: table.frame() for name, table in tables.items()}


def load_package(data_dir: Path | None = None, seed_path: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table, checked, as DataFrames keyed by resource name (``figures``, ``zones`` …).

    Raises :class:`DataError` listing every problem if any table fails a check: the schema's
    (:func:`check_package`) or a content rule of :mod:`sciencecity.validate`. Results are
    cached until a file in ``data_dir`` changes; each call returns fresh copies.
    """
    data_dir = Path(data_dir or paths.DATA_DIR).resolve()
    try:
        frames = _load(data_dir, seed_path, _signature(data_dir))
    except FileNotFoundError:
        raise DataError([f"{data_dir}: no such data directory"]) from None
    return {name: frame.copy() for name, frame in frames.items()}


def table_names(data_dir: Path | None = None) -> list[str]:
    """The names of the package's tables (its CSV resources, not the GeoJSON), in descriptor order."""
    return [r.name for r in read_descriptor(Path(data_dir or paths.DATA_DIR)) if r.tabular]


def load_features(name: str, data_dir: Path | None = None) -> list[dict[str, Any]]:
    """The checked features of a GeoJSON resource (see :func:`_read_geojson`); :class:`DataError` if any problem."""
    data_dir = Path(data_dir or paths.DATA_DIR)
    res = next((r for r in read_descriptor(data_dir) if r.name == name), None)
    if res is None or res.tabular:
        raise KeyError(f"no GeoJSON resource {name!r} in {DESCRIPTOR}")
    problems: list[str] = []
    features = _read_geojson(data_dir, res, problems)
    if problems or features is None:
        raise DataError(problems)
    return features


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
    figures = load_figures(data_dir)
    if figure_id not in figures.index:
        near = [i for i in figures.index if i.split("_")[0] == figure_id.split("_")[0]][:5]
        hint = f"; ids starting alike: {', '.join(near)}" if near else ""
        raise KeyError(f"no figure {figure_id!r} in figures.csv{hint}")
    row = figures.loc[figure_id].to_dict()
    for column in ("value", "implied_min"):
        row[column] = None if math.isnan(row[column]) else float(row[column])
    row["start"] = int(row["start"])
    row["also_at"] = tuple(int(p) for p in row["also_at"].split(";") if p)
    return Figure(id=figure_id, **row)
