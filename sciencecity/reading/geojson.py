"""The GeoJSON resource of ``data/`` (the district boundaries): read, check, return its features.

Belongs here: reading a GeoJSON FeatureCollection listed in the descriptor, checking every
feature's properties against the descriptor's list of them (a ``*_zh`` property holds Chinese,
a ``*_en`` one does not) and every geometry (a valid, non-empty Polygon or MultiPolygon), and
:func:`load_features`. Drawing the map is :mod:`sciencecity.presentation.charts`'s.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from sciencecity.reading import paths
from sciencecity.reading.descriptor import DESCRIPTOR, GEOMETRY_TYPES, DataError, Field, Resource, read_descriptor
from sciencecity.reading.text import HAN


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
    if isinstance(value, str) and (f.name == "zh" or f.name.endswith("_zh")) and not HAN.search(value):
        return f"{value[:30]!r} has no Chinese character"
    if isinstance(value, str) and (f.name == "en" or f.name.endswith("_en")) and HAN.search(value):
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


def _feature_property_problems(
    props: dict[str, Any], res: Resource, label: str, i: int, seen: dict[str, dict[Any, int]]
) -> list[str]:
    """What is wrong with feature ``i``'s properties: each against its descriptor entry, unique ones not seen
    before (``seen`` records them), none that the descriptor does not list."""
    names, problems = [f.name for f in res.properties], []
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
    return problems


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
        problems += _feature_property_problems(props, res, label, i, seen)
        error = _geometry_problem(feat.get("geometry"))
        if error:
            problems.append(f"{label}: geometry: {error}")
    return features if len(problems) == n_before else None


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
