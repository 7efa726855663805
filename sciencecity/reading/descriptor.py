"""The data package's descriptor (``data/datapackage.json``): its resources, their fields and constraints.

Belongs here: reading the descriptor and checking it before any file is read
(:func:`read_descriptor`: every resource has a name and a file, every field a known type and
constraints that apply to it), the :class:`Resource` and :class:`Field` it describes (a field
checks one cell against its type and constraints), and :class:`DataError`, the one error a
reader raises, whose message names the file, the CSV line and the column of every problem.

``data/datapackage.json`` is a Frictionless Data Package: every table's columns in order, their
types, required fields, enum and pattern constraints, primary and foreign keys. One resource is
not a table: a GeoJSON FeatureCollection (``"format": "geojson"``), the district boundaries,
whose feature properties the descriptor lists under the resource's own key ``properties``.
This package checks the files itself, because the ``frictionless`` library takes seconds to
validate the package and notebooks load data often; the tests hold the two to the same
standard (``tests/test_datapackage.py``).

Elsewhere: reading a CSV table is :mod:`sciencecity.reading.csv_tables`, the GeoJSON file
:mod:`sciencecity.reading.geojson`; checking the whole package (keys, the seed's quotes) is
:func:`sciencecity.rules.package.check_package`, what the columns mean
:mod:`sciencecity.rules.validate`; notebooks load checked tables through
:mod:`sciencecity.rules.checked`::

    from sciencecity.rules.checked import figure, load_figures, load_table
    figure("gdp_growth_h1").value          # 19.8
    load_figures().loc["signed_projects_h1", "scope"]   # '直管区'
    load_table("zone_industries")

Column types in the loaded frames: ``number`` columns are ``float64`` (NaN when empty),
``integer`` columns pandas ``Int64`` (``<NA>`` when empty), ``boolean`` columns ``bool``, and
``string`` columns ``str`` with ``""`` when empty.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DESCRIPTOR = "datapackage.json"
#: The ``format`` of a resource that is a GeoJSON FeatureCollection, not a CSV table.
GEOJSON = "geojson"
#: The geometry types a GeoJSON resource may hold: the package's GeoJSON holds areas.
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


# ASCII digits only: ``\d`` would also match full-width and other Unicode digits (１２, ١٢).
# The Table Schema's lexical forms: XML Schema's decimal (with an exponent, and the special values
# NaN, INF and -INF) and integer, in ASCII digits, as the standard writes them.
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|NaN|INF|-INF")
_INTEGER = re.compile(r"[+-]?[0-9]+")
#: The Table Schema constraints this module implements, as the standard defines them. A
#: descriptor using any other constraint is refused with a message naming it, never ignored.
CONSTRAINTS = ("required", "unique", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength")
#: The field types this module reads; anything else in the descriptor is an error.
TYPES = ("string", "number", "integer", "boolean")
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
    problems: list[str] = []
    fields_of, not_tables = _resource_problems(resources, problems)
    for res in resources:
        if not isinstance(res, dict) or res.get("name") not in fields_of or not isinstance(res.get("schema"), dict):
            continue
        label, own, schema = f"resource {res['name']!r}", fields_of[res["name"]], res["schema"]
        pk = schema.get("primaryKey", [])
        for col in [pk] if isinstance(pk, str) else pk if isinstance(pk, list) else [repr(pk)]:
            if col not in own:
                problems.append(f"{DESCRIPTOR}: {label}: primaryKey names {col!r}, which is not one of its fields")
        for fk in schema.get("foreignKeys", []):
            problems += _foreign_key_problems(fk, res["name"], fields_of, not_tables)
    return problems


def _resource_problems(resources: list[dict[str, Any]], problems: list[str]) -> tuple[dict[str, list[str]], set[str]]:
    """Each resource's name, path and fields (problems appended); return the tables' fields by name, and the
    names of the resources that are not tables."""
    where = DESCRIPTOR
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
    return fields_of, not_tables


def _foreign_key_problems(fk: Any, name: str, fields_of: dict[str, list[str]], not_tables: set[str]) -> list[str]:
    """What is wrong with one foreign key of the table ``name``: its fields, the resource and fields it names."""
    where, label, own = DESCRIPTOR, f"resource {name!r}", fields_of[name]
    try:
        cols, ref = fk["fields"], fk["reference"]
        ref_name, ref_cols = ref["resource"], ref["fields"]
    except (KeyError, TypeError):
        return [f"{where}: {label}: a foreign key needs 'fields' and 'reference' (resource, fields)"]
    cols = [cols] if isinstance(cols, str) else cols
    ref_cols = [ref_cols] if isinstance(ref_cols, str) else ref_cols
    ref_name = ref_name or name  # "": the table itself
    problems = [
        f"{where}: {label}: foreign key field {col!r} is not one of its fields" for col in cols if col not in own
    ]
    if ref_name in not_tables:
        return [
            *problems,
            f"{where}: {label}: foreign key {cols} references resource {ref_name!r}, which is not a table",
        ]
    if ref_name not in fields_of:
        return [
            *problems,
            f"{where}: {label}: foreign key {cols} references resource {ref_name!r}, which the package does not have",
        ]
    for col in ref_cols:
        if col not in fields_of[ref_name]:
            problems.append(
                f"{where}: {label}: foreign key {cols} references field {col!r}, "
                f"which resource {ref_name!r} does not have"
            )
    if len(cols) != len(ref_cols):
        problems.append(f"{where}: {label}: foreign key {cols} has {len(cols)} field(s) but references {len(ref_cols)}")
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
