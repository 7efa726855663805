"""sciencecity.analysis.geo: areas on hand-checkable shapes, shares; the committed GeoJSON, how it is read and checked.

The corruptions of the GeoJSON (missing property, duplicate or bad adcode, invalid geometry, not
JSON …) are in the matrix of ``tests/test_corruptions.py``, run through ``validate``, the command
line and the loader; here: the committed file itself, and the checks on inputs the matrix does not
reach.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from sciencecity.analysis import geo
from sciencecity.reading import descriptor, geojson, paths
from sciencecity.rules import checked

HOSTS = ["500106", "500107", "500109", "500116", "500120"]


def boxes(*bounds) -> gpd.GeoSeries:
    return gpd.GeoSeries([box(*b) for b in bounds], crs=geo.GEOGRAPHIC_CRS)


# -- areas ------------------------------------------------------------------------------------


def test_a_degree_box_at_the_equator_by_hand():
    # On WGS84 one degree of the equator is 111.3195 km (2π·6378.137/360) and one degree of
    # meridian from 0° to 1° is 110.5743 km: the box is nearly a rectangle of the two.
    by_hand = 111.3195 * 110.5743
    assert geo.ellipsoid_box_area_km2(0, 0, 1, 1) == pytest.approx(by_hand, rel=2e-4)
    assert geo.ellipsoid_box_area_km2(0, 0, 1, 1) == pytest.approx(12308.8, abs=0.5)


def test_the_whole_ellipsoid():
    # WGS84's surface area is 510,065,621.7 km²
    assert geo.ellipsoid_box_area_km2(-180, -90, 180, 90) == pytest.approx(510_065_621.7, rel=1e-9)


def test_on_a_sphere_the_box_is_r_squared_times_the_sine_difference():
    # sphere of radius R (f = 0): A = R² · Δλ · (sin φ2 − sin φ1)
    r = 6371.0088  # km, the mean Earth radius
    by_hand = r * r * math.radians(1) * math.sin(math.radians(1))  # 12,363.7 km²
    assert geo.ellipsoid_box_area_km2(0, 0, 1, 1, a=r * 1000, f=0) == pytest.approx(by_hand, rel=1e-12)
    assert by_hand == pytest.approx(12363.7, abs=0.1)
    # at 60° N: the band's sine difference, about cos(60.5°) of the equator's
    ratio = geo.ellipsoid_box_area_km2(0, 60, 1, 61, a=r * 1000, f=0) / by_hand
    assert ratio == pytest.approx((math.sin(math.radians(61)) - math.sin(math.radians(60))) / math.sin(math.radians(1)))
    assert ratio == pytest.approx(math.cos(math.radians(60.5)), rel=1e-3)


@pytest.mark.parametrize("bounds", [(0, 0, 1, 1), (106, 29, 107, 30), (105.5, 28.5, 106.5, 29.5), (-70, -40, -69, -39)])
def test_the_projection_is_equal_area(bounds):
    projected = geo.area_km2(boxes(bounds))[0]
    # the box's edges along parallels are straight in lon/lat but curved in the projection:
    # densify them so the projected polygon follows the parallels
    dense = gpd.GeoSeries([shapely.segmentize(box(*bounds), 0.01)], crs=geo.GEOGRAPHIC_CRS)
    exact = geo.ellipsoid_box_area_km2(*bounds)
    assert geo.area_km2(dense)[0] == pytest.approx(exact, rel=1e-6)
    assert projected == pytest.approx(exact, rel=1e-3)  # undensified: still close


def test_area_needs_a_crs():
    with pytest.raises(ValueError):
        geo.area_km2(gpd.GeoSeries([box(0, 0, 1, 1)]))


# -- the committed boundary file --------------------------------------------------------------


@pytest.fixture(scope="module")
def cq() -> gpd.GeoDataFrame:
    return geo.districts()


def test_the_table_has_chongqings_38_districts_and_counties(cq):
    assert len(cq) == 38
    assert cq["adcode"].str.fullmatch(r"500[12]\d\d").all()
    assert (cq["adcode"].str[:4] == "5001").sum() == 26
    assert set(HOSTS) <= set(cq.index)
    assert cq.loc["500120", "name_zh"] == "璧山区" and cq.loc["500120", "name_en"] == "Bishan District"
    assert cq["name_en"].str.fullmatch(r"[A-Z][A-Za-z' ]+ (District|County)").all()


def test_neighbours_share_borders_without_gaps_or_overlaps(cq):
    assert shapely.coverage_is_valid(cq.geometry.values)
    union = shapely.union_all(cq.geometry.values)
    # no gaps added: AMap's own polygons leave four slivers inside the municipality (0.02 to
    # 0.47 km², 0.86 km² in all: tools/make_map.py measured them on the source); the
    # simplified file may keep or shrink them, never add or widen them
    polygons = getattr(union, "geoms", [union])
    holes = [shapely.Polygon(ring) for p in polygons for ring in p.interiors]
    holes_km2 = geo.area_km2(gpd.GeoSeries(holes, crs=geo.GEOGRAPHIC_CRS))
    assert len(holes) <= 4 and holes_km2.max() < 0.47 and holes_km2.sum() < 0.86
    # no overlaps: the parts add up to the whole
    whole = geo.area_km2(gpd.GeoSeries([union], crs=geo.GEOGRAPHIC_CRS))[0]
    assert geo.area_km2(cq).sum() == pytest.approx(whole, rel=1e-6)


def test_the_municipality_is_the_size_of_chongqing(cq):
    # a sanity range, not a comparison with an official figure: Chongqing is about 82,000 km²
    assert 80_000 < geo.area_km2(cq).sum() < 85_000


def test_the_file_is_small():
    assert (paths.DATA_DIR / geo.FILE).stat().st_size < 1_000_000


def test_the_descriptor_names_the_file_as_a_geojson_data_resource():
    desc = json.loads((paths.DATA_DIR / descriptor.DESCRIPTOR).read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == geo.RESOURCE)
    assert (res["path"], res["profile"], res["format"], res["mediatype"]) == (
        geo.FILE,
        "data-resource",
        "geojson",
        "application/geo+json",
    )
    assert "schema" not in res and [p["name"] for p in res["properties"]] == list(geo.PROPERTIES)
    assert res["simplification"]["tolerance_degrees"] == make_map().TOLERANCE_DEG
    assert make_map().SHA256 in res["description"] and res["created_by"] == "tools/make_map.py"


def make_map():
    return paths.load_script("tools/make_map.py", "make_map")


def test_the_file_is_what_make_map_writes():
    """Sorted by adcode, exactly the three properties (adcode a string), bytes as tools/make_map.py prints them."""
    raw = (paths.DATA_DIR / geo.FILE).read_text(encoding="utf-8")
    features = json.loads(raw)["features"]
    codes = [f["properties"]["adcode"] for f in features]
    assert codes == sorted(codes) and all(isinstance(c, str) for c in codes)
    assert all(list(f["properties"]) == list(geo.PROPERTIES) for f in features)
    assert raw == make_map().collection_text(features)
    assert raw.count("\n") == len(features) + 2  # one feature per line


def test_make_map_rounds_coordinates_to_five_decimals():
    feature = make_map().feature("500120", "璧山区", "Bishan District", box(106.123456789, 29.5, 106.2, 29.6000049))
    assert feature["properties"] == {"adcode": "500120", "name_zh": "璧山区", "name_en": "Bishan District"}
    xs = {x for ring in feature["geometry"]["coordinates"] for x, _ in ring}
    ys = {y for ring in feature["geometry"]["coordinates"] for _, y in ring}
    assert xs == {106.12346, 106.2} and ys == {29.5, 29.6}


def test_every_positioning_item_has_a_short_label():
    items = checked.load_table("zone_industries")
    assert set(geo.SHORT_EN) == set(items["item_zh"])
    assert all(0 < len(label) <= 26 for label in geo.SHORT_EN.values())
    assert len(set(geo.SHORT_EN.values())) == len(geo.SHORT_EN)


# -- problems never end in a traceback ---------------------------------------------------------


@pytest.mark.parametrize(
    "geometry, expected",
    [
        (None, "'NoneType' is not a GeoJSON Polygon or MultiPolygon"),
        ("POLYGON ((0 0, 1 0, 1 1, 0 0))", "'str' is not a GeoJSON"),
        ({"type": "Polygon"}, "not a readable Polygon"),
        ({"type": "Polygon", "coordinates": None}, "empty geometry"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}, "not a readable Polygon"),
        ({"type": "Polygon", "coordinates": [[0, 0], [1, 0], [1, 1], [0, 0]]}, "not a readable Polygon"),
        ({"type": "MultiPolygon", "coordinates": [[[[0, 0]]]]}, "not a readable MultiPolygon"),
        (
            {
                "type": "MultiPolygon",
                "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[0, 0], [1, 0], [1, 1], [0, 0]]]],
            },
            "invalid geometry",
        ),
        ({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}, None),
    ],
)
def test_a_geometry_problem_is_a_sentence(geometry, expected):
    problem = geojson._geometry_problem(geometry)
    assert problem is None if expected is None else expected in problem, problem


def test_a_broken_committed_file_is_refused_by_districts(tmp_path: Path):
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    path = copy / geo.FILE
    collection = json.loads(path.read_text(encoding="utf-8"))
    i, feature = next((i, f) for i, f in enumerate(collection["features"], 1) if f["properties"]["adcode"] == "500106")
    feature["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
    del feature["properties"]["name_en"]
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(descriptor.DataError) as err:
        geo.districts(copy)
    assert err.value.problems == [
        f"{geo.FILE}: feature {i} (500106): property 'name_en': missing",
        f"{geo.FILE}: feature {i} (500106): geometry: invalid geometry (Self-intersection[0.5 0.5])",
    ]


def test_districts_needs_a_geojson_resource():
    with pytest.raises(KeyError):
        geojson.load_features("figures")


# -- the zones and their host districts -----------------------------------------------------------


def _made_up() -> tuple[pd.DataFrame, gpd.GeoDataFrame]:
    """Three districts of 1°×1° boxes on the equator and three zones, the first without a district."""
    zones = pd.DataFrame({"zone_id": ["core", "a", "b"], "district_zh": ["", "甲区", "乙区"]})
    cq = gpd.GeoDataFrame(
        {"adcode": ["500101", "500102", "500103"], "name_zh": ["丙区", "乙区", "甲区"], "name_en": ["C", "B", "A"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)],
        crs=geo.GEOGRAPHIC_CRS,
    ).set_index("adcode", drop=False)
    cq["area_km2"] = geo.area_km2(cq)
    return zones, cq


def test_host_districts_joins_each_zone_to_its_district_in_zone_order():
    zones, cq = _made_up()
    hosts = geo.host_districts(zones, cq)
    assert list(hosts["zone_id"]) == ["a", "b"]
    assert list(hosts["adcode"]) == ["500103", "500102"] and list(hosts["district_en"]) == ["A", "B"]
    # a 1° × 1° box on the equator is about 12,309 km² (see test_a_degree_box_at_the_equator_by_hand)
    assert hosts["area_km2"].tolist() == pytest.approx([12309, 12309], rel=1e-3)


def test_host_districts_refuses_a_district_named_twice():
    zones, cq = _made_up()
    cq.loc["500101", "name_zh"] = "甲区"
    with pytest.raises(pd.errors.MergeError):
        geo.host_districts(zones, cq)


def test_core_zone_is_the_one_zone_without_a_district():
    zones, _ = _made_up()
    assert geo.core_zone(zones)["zone_id"] == "core"
    with pytest.raises(ValueError, match="2 zones without a district"):
        geo.core_zone(zones.assign(district_zh=["", "", "乙区"]))


def test_measured_districts_adds_the_equal_area_size(cq):
    measured = geo.measured_districts()
    assert measured["area_km2"].tolist() == pytest.approx(geo.area_km2(cq).tolist())
    assert 80_000 < measured["area_km2"].sum() < 84_000
