"""sciencecity.geo: areas on hand-checkable shapes, shares, and the checks of the boundary table."""

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

from sciencecity import data, geo, paths

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


def test_share():
    assert geo.share(1, 4) == 0.25
    assert geo.share(0, 4) == 0.0
    assert geo.share(1198, 1198) == 1.0
    for bad in [(1, 0), (-1, 4), (1, -4), (math.nan, 1)]:
        with pytest.raises(ValueError):
            geo.share(*bad)


# -- the committed boundary table -------------------------------------------------------------

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


def test_every_positioning_item_has_a_short_label():
    items = data.load_table("zone_industries")
    assert set(geo.SHORT_EN) == set(items["item_zh"])
    assert all(0 < len(label) <= 26 for label in geo.SHORT_EN.values())
    assert len(set(geo.SHORT_EN.values())) == len(geo.SHORT_EN)


# -- problems are named by file, line, feature and column -------------------------------------

def frame(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["adcode", "name_zh", "name_en", "geometry"])


SQUARE = json.dumps({"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]})
BOWTIE = json.dumps({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]})


def test_a_clean_frame_has_no_problems():
    assert geo.check_districts(frame([["500106", "沙坪坝区", "Shapingba District", SQUARE]])) == []


@pytest.mark.parametrize(
    "row, expected",
    [
        (["500106", "沙坪坝区", "Shapingba District", BOWTIE], "x.csv:2: feature 500106: column 'geometry': invalid geometry (Self-intersection"),
        (["500106", "沙坪坝区", "Shapingba District", "{not json"], "column 'geometry': not JSON"),
        (["500106", "沙坪坝区", "Shapingba District", '{"type": "Point", "coordinates": [0, 0]}'], "not a GeoJSON Polygon or MultiPolygon"),
        (["500106", "沙坪坝区", "Shapingba District", '{"type": "Polygon", "coordinates": []}'], "empty geometry"),
        (["500000", "重庆市", "Chongqing", SQUARE], "feature 500000: column 'adcode': '500000' is not a district or county code"),
        (["500106", "", "Shapingba District", SQUARE], "feature 500106: column 'name_zh': is required but empty"),
    ],
)
def test_each_problem_names_file_line_feature_and_column(row, expected):
    problems = geo.check_districts(frame([row]), file="x.csv")
    assert any(expected in p for p in problems), problems


def test_duplicates_are_named():
    rows = [["500106", "沙坪坝区", "Shapingba District", SQUARE], ["500107", "沙坪坝区", "Jiulongpo District", SQUARE]]
    problems = geo.check_districts(frame(rows), file="x.csv")
    assert "x.csv:3: feature 500107: column 'name_zh': '沙坪坝区' is not unique" in problems


def test_missing_property_column():
    assert geo.check_districts(frame([]).drop(columns="name_en"), file="x.csv") == ["x.csv:1: missing column(s) name_en"]


def test_a_broken_committed_file_is_refused(tmp_path: Path):
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    csv = copy / geo.FILE
    lines = csv.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith("500106,"))
    lines[i] = '500106,沙坪坝区,Shapingba District,"' + BOWTIE.replace('"', '""') + '"'
    csv.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(data.DataError) as err:
        geo.districts(copy)
    assert f"{geo.FILE}:{i + 1}: feature 500106: column 'geometry': invalid geometry" in str(err.value)
