"""The results of the chapter "Data and methods" (book/10_data_methods), by glue key or as its tables.

Each function takes the checked package (:func:`sciencecity.rules.checked.load_package`, the
tables by name) and, where it counts the scanner's quantities, the seed's text; it returns a
dict ``{glue key: value}`` or a display table. The descriptor is ``data/datapackage.json``; the
GeoJSON resource, which is no table, is read by :func:`sciencecity.reading.geojson.load_features`.
"""

from __future__ import annotations

import json

import pandas as pd
from IPython.display import HTML

from sciencecity.analysis import inventory
from sciencecity.presentation import style, words
from sciencecity.reading import descriptor, geojson, paths
from sciencecity.rules.validate import validate

#: The scopes of the article's figures, by the glue key's suffix (``dm_scope_core`` …).
SCOPES = {"core": "直管园", "area": "直管区", "city": "科学城", "municipality": "全市"}
#: The rows of ``external.csv`` whose year weights the core's sectors in the consistency checks:
#: the core's primary, secondary and tertiary value added in its statistical yearbook.
SECTOR_WEIGHTS = ("core_primary_va_2020", "core_secondary_va_2020", "core_tertiary_va_2020")


def _descriptor() -> dict:
    """``data/datapackage.json`` as written."""
    return json.loads(paths.data_file(descriptor.DESCRIPTOR).read_text(encoding="utf-8"))


def _sizes(package: dict[str, pd.DataFrame]) -> tuple[dict[str, int], dict[str, list]]:
    """Rows (or features) of every resource by name, and the features of the resources that are no table."""
    resources = _descriptor()["resources"]
    features = {r["name"]: geojson.load_features(r["name"]) for r in resources if r["name"] not in package}
    return {**{n: len(f) for n, f in package.items()}, **{n: len(f) for n, f in features.items()}}, features


def package_counts(package: dict[str, pd.DataFrame]) -> dict:
    """The package in numbers: tables, rows, licences, the boundaries' features, the other sources."""
    about = _descriptor()
    _, features = _sizes(package)
    geo = next(r for r in about["resources"] if r["name"] in features)
    return {
        "dm_tables": len(package),
        "dm_rows": sum(len(f) for f in package.values()),
        "dm_licence": about["licenses"][0]["name"],
        "dm_geo_features": sum(len(f) for f in features.values()),
        "dm_geo_licence": geo["licenses"][0]["name"],
        "dm_sources": int(package["external"][["source", "url"]].drop_duplicates().shape[0]),
    }


def files_table(package: dict[str, pd.DataFrame]) -> HTML:
    """Each file of the package: its resource, rows (features) and columns (properties)."""
    resources = _descriptor()["resources"]
    sizes, _ = _sizes(package)
    overview = pd.DataFrame(
        {
            "resource": [r["name"] for r in resources],
            "file": [r["path"] for r in resources],
            "rows (features)": [sizes[r["name"]] for r in resources],
            "columns (properties)": [
                len(r["schema"]["fields"]) if "schema" in r else len(r["properties"]) for r in resources
            ],
        }
    )
    return style.table(overview, "Files of the data package")


def data_dictionary(package: dict[str, pd.DataFrame]) -> HTML:
    """The data dictionary: every resource of the descriptor, column by column."""
    sizes, _ = _sizes(package)
    return HTML("\n".join(words.data_dictionary_html(r, sizes[r["name"]]) for r in _descriptor()["resources"]))


def extraction_counts(package: dict[str, pd.DataFrame], text: str) -> dict[str, int]:
    """The scanner's quantities (in the article, lost, in the forum's lines), the rows that account
    for them, and the problems validation finds."""
    in_article, in_boilerplate = inventory.scanned(text)
    problems, _summary = validate()  # the summary names the data folder: not shown
    return {
        "dm_quantities": len(in_article),
        "dm_quantities_lost": sum(q.lost for q in in_article),
        "dm_quantities_boiler": in_boilerplate,
        "dm_figures": len(package["figures"]),
        "dm_events": len(package["events"]),
        "dm_non_figures": len(package["non_figures"]),
        "dm_problems": len(problems),
    }


def scanner_table(text: str) -> HTML:
    """What the scanner finds in the article, by kind of quantity."""
    kinds = pd.Series([q.kind for q in inventory.scanned(text)[0]]).value_counts()
    return style.table(
        pd.DataFrame({"kind": kinds.index, "quantities in the article": kinds.to_numpy()}),
        "What the scanner finds in the article",
    )


def limits(package: dict[str, pd.DataFrame]) -> dict:
    """The limits in numbers: lost figures and years, figures by scope and by kind of period, the
    weights' year, the zones' positioning items and those outside the leading industries."""
    fig = package["figures"]
    period, kinds = fig["period"], inventory.period_kinds(fig["period"])
    values = {
        "dm_lost_figures": int((fig["status"] == "digits_lost").sum()),
        "dm_lost_years": int((package["events"]["year_status"] == "lost").sum()),
    }
    values |= {f"dm_scope_{key}": int((fig["scope"] == scope).sum()) for key, scope in SCOPES.items()}
    values |= {f"dm_period_{kind}": int((kinds == kind).sum()) for kind in inventory.PERIOD_KINDS}
    weights_year = package["external"].set_index("id").loc[list(SECTOR_WEIGHTS), "period"]
    items = package["zone_industries"].merge(package["categories"], on="category")
    return values | {
        "dm_h1_label": period[kinds == "h1"].drop_duplicates().item(),
        "dm_year_label": " or ".join(sorted(period[kinds == "year"].unique())),
        "dm_weights_year": weights_year.drop_duplicates().item(),
        "dm_zone_items": len(items),
        "dm_zone_items_other": int((~items["leading_industry"]).sum()),
    }


def scope_table(package: dict[str, pd.DataFrame]) -> HTML:
    """The article's figures by scope: how many reported, how many lost their digits."""
    fig = package["figures"]
    counts = pd.crosstab(fig["scope"], fig["status"])
    return style.table(
        pd.DataFrame(
            {
                "Scope 范围": counts.index,
                "Reported": counts.get("reported", 0).to_numpy(),
                "Digits lost": counts.get("digits_lost", 0).to_numpy(),
            }
        ),
        "Figures of the article by scope",
    )
