"""One chart, two layouts: style.chart, the chart functions and the book's <picture> extension.

The browser test (tests/test_chart_screens.py) measures the built book; these check the parts
without a build: what style.chart writes and refuses, that the phone layout stacks panels and
enlarges small type, and how book/_ext/sciencecity_figures.py rewrites a figure.
"""

from __future__ import annotations

import io
import json
import re
import warnings
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from sciencecity.analysis import after
from sciencecity.presentation import charts, style, words
from sciencecity.reading import paths
from sciencecity.rules import checked, terminology

figures_ext = paths.load_script("book/_ext/sciencecity_figures.py")


@pytest.fixture(autouse=True)
def _house_style():
    with matplotlib.rc_context(), warnings.catch_warnings():
        style.use()
        yield
    plt.close("all")


def bars(*, layout: str = "desktop", width: float | None = None):
    """A small chart in both layouts; ``width`` forces a figure width (to break the phone check)."""
    phone = style.layout_check(layout)
    fig, ax = plt.subplots(figsize=(width or (style.PHONE_FIGWIDTH if phone else 7), 3))
    ax.bar(["直管园 core", "重庆 Chongqing"], [19.8, 12.8])
    ax.text(0, 5, "tiny note", fontsize=5)
    ax.set_title("GDP growth 增速")
    style.source_line(fig, "上游新闻 Shangyou News")
    return fig


def test_chart_writes_both_layouts_and_a_record(tmp_path):
    glued = style.chart(bars, "fig-test-bars", directory=tmp_path)
    assert Image.open(io.BytesIO(glued.data)).size[0] == style.PNG_WIDTH
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "fig-test-bars-phone.png",
        "fig-test-bars-phone@2x.png",
        "fig-test-bars.json",
        "fig-test-bars@2x.png",
    ]
    record = json.loads((tmp_path / "fig-test-bars.json").read_text(encoding="utf-8"))
    phone = Image.open(tmp_path / "fig-test-bars-phone.png").size
    assert abs(phone[0] - style.PHONE_WIDTH) <= 3 and record["phone"]["width"] == phone[0]
    assert Image.open(tmp_path / "fig-test-bars@2x.png").size[0] == 2 * style.PNG_WIDTH
    assert Image.open(tmp_path / "fig-test-bars-phone@2x.png").size[0] == pytest.approx(2 * phone[0], abs=3)
    # the desktop layout keeps its 5 pt note; the phone layout raised it to PHONE_MIN_PT
    assert record["desktop"]["min_text_pt"] == 5 and record["desktop"]["min_text"] == "tiny note"
    assert record["phone"]["min_text_pt"] == style.PHONE_MIN_PT
    assert record["phone"]["min_text_px"] >= style.PHONE_MIN_TEXT_PX


def test_chart_files_are_deterministic(tmp_path):
    style.chart(bars, "fig-test-bars", directory=tmp_path / "a")
    style.chart(bars, "fig-test-bars", directory=tmp_path / "b")
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_phone_text_too_small_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"fig-test-wide: the phone layout draws .* px .*under"):
        style.chart(bars, "fig-test-wide", directory=tmp_path, width=7)
    assert not list(tmp_path.iterdir()), "nothing half-written"


def test_chart_name_and_layout_are_checked(tmp_path):
    with pytest.raises(ValueError, match="figure name"):
        style.chart(bars, "bars", directory=tmp_path)
    with pytest.raises(ValueError, match="layout must be one of"):
        bars(layout="tablet")


def test_text_sizes_reads_what_is_drawn():
    fig, ax = plt.subplots()
    ax.set_title("shown", fontsize=12)
    ax.text(0.5, 0.5, "hidden", fontsize=3).set_visible(False)
    ax.tick_params(labelsize=9)
    width, size, text = style.text_sizes(fig)
    assert size == 9 and text != "hidden"
    tight = fig.get_tightbbox().width + 2 * matplotlib.rcParams["savefig.pad_inches"]
    assert width == pytest.approx(tight * 72, rel=1e-3)


def test_enlarge_text_raises_small_type_and_ticks():
    fig, ax = plt.subplots()
    ax.text(0, 0, "small", fontsize=6)
    big = ax.text(0, 1, "big", fontsize=12)
    ax.tick_params(labelsize=6)
    style.enlarge_text(fig, 8)
    fig.canvas.draw()
    assert style.text_sizes(fig)[1] == 8
    assert big.get_fontsize() == 12


def test_growth_figure_stacks_its_panels_on_a_phone():
    series = after.growth_series(
        checked.load_figures(), checked.load_table("external").set_index("id"), checked.load_table("later")
    )
    leads = after.leads(series)
    desktop = charts.growth_figure(series, leads)
    phone = charts.growth_figure(series, leads, layout="phone")
    (d0, d1), (p0, p1) = (ax.get_position() for ax in desktop.axes), (ax.get_position() for ax in phone.axes)
    assert d1.x0 > d0.x1 and abs(d1.y0 - d0.y0) < 0.01, "desktop: side by side"
    assert p0.y0 > p1.y1 and abs(p1.x0 - p0.x0) < 0.01, "phone: one above the other"
    assert phone.get_size_inches()[0] == style.PHONE_FIGWIDTH


SECTORS = pd.DataFrame(
    {
        "measure": ["GDP", "primary", "secondary", "tertiary"],
        "core_growth_pct_article": [19.8, 3.9, 20.2, 19.5],
        "chongqing_growth_pct_statistics_bureau": [12.8, 8.9, 13.2, 12.9],
    }
)
INDUSTRIAL = pd.DataFrame({"series": ["core", "derived", "official"], "growth_pct": [22.3, 19.0, 19.0]})


@pytest.mark.parametrize(
    "draw, args, kwargs",
    [
        (charts.growth_sectors, (SECTORS,), {"period": "2021H1", "source_date": "2021-07-20"}),
        (
            charts.claims_status,
            (pd.DataFrame({"status": ["verified", "in_tension"], "claims": [3, 1]}), words.STATUS_EN),
            {},
        ),
    ],
)
def test_chart_functions_pass_the_phone_check(tmp_path, draw, args, kwargs):
    style.chart(draw, "fig-test", *args, directory=tmp_path, **kwargs)
    record = json.loads((tmp_path / "fig-test.json").read_text(encoding="utf-8"))
    assert record["phone"]["min_text_px"] >= style.PHONE_MIN_TEXT_PX
    assert record["phone"]["height"] > record["phone"]["width"] * 0.6


@pytest.mark.parametrize(
    "draw, args",
    [(charts.growth_sectors, (SECTORS,)), (charts.growth_industrial, (INDUSTRIAL, 3.3))],
)
def test_growth_charts_state_the_period_and_release_they_are_given(tmp_path, draw, args):
    """The half-year and the bureau's release date come from the data, in both layouts: a
    chart given another half-year and date says those and nothing of 2021."""
    style.chart(draw, "fig-test", *args, period="2023H2", source_date="2024-01-19", directory=tmp_path)
    record = json.loads((tmp_path / "fig-test.json").read_text(encoding="utf-8"))
    for layout in ("desktop", "phone"):
        text = " ".join(record[layout]["texts"])
        assert "2024-01-19" in text
        assert ("second half of 2023" in text and "下半年" in text) or "2023H2" in text
        assert "2021" not in text


# -- the book's charts, as the notebooks last drew them (book/chart-images/) ---------------------

RECORDS = sorted((paths.BOOK_DIR / "chart-images").glob("fig-*.json"))


def test_every_chart_has_both_layouts():
    assert len(RECORDS) >= 10, "book/chart-images/ holds few chart records: re-execute the notebooks (make book)"
    for path in RECORDS:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert set(record) == set(style.LAYOUTS), path.name
        assert record["phone"]["min_text_px"] >= style.PHONE_MIN_TEXT_PX, path.name
        for name in (f"{path.stem}@2x.png", f"{path.stem}-phone.png", f"{path.stem}-phone@2x.png"):
            assert (path.parent / name).is_file(), name


def test_chart_texts_use_the_house_terms():
    """The glossary's terms hold in the charts' words too, in both layouts (the build test reads
    the pages' text, which cannot see inside an image)."""
    texts = {}
    for path in RECORDS:
        for layout, drawn in json.loads(path.read_text(encoding="utf-8")).items():
            texts[f"{path.stem} ({layout})"] = "\n".join(drawn["texts"])
    assert texts
    found = terminology.avoided_uses(checked.load_terms(), texts)
    assert not found, "\n  ".join(found)


# -- the book's extension ----------------------------------------------------------------------

FIGURE_HTML = (
    '<figure class="align-default" id="fig-test-bars">\n'
    '<img alt="A bar chart of growth rates." src="../_images/abc.png" />\n<figcaption>…</figcaption></figure>'
)


def test_extension_rewrites_a_recorded_figure_into_a_picture(tmp_path):
    style.chart(bars, "fig-test-bars", directory=tmp_path / "book" / "chart-images")
    app = SimpleNamespace(srcdir=str(tmp_path))
    context = {"body": FIGURE_HTML + FIGURE_HTML.replace("fig-test-bars", "fig-other")}
    figures_ext.serve_layouts(app, "book/x", "page.html", context, None)
    body = context["body"]
    assert body.count("<picture") == 1, "only the figure with a record"
    picture = re.search(r"<picture\b.*?</picture>", body, re.S).group(0)
    assert f'<source media="{figures_ext.PHONE_MEDIA}"' in picture
    assert (
        'srcset="../_images/charts/fig-test-bars-phone.png 1x, ../_images/charts/fig-test-bars-phone@2x.png 2x"'
        in picture
    )
    assert 'src="../_images/abc.png" srcset="../_images/abc.png 1x, ../_images/charts/fig-test-bars@2x.png 2x"' in (
        picture
    )
    assert 'alt="A bar chart of growth rates."' in picture, "the alt text is shared"
    record = json.loads(re.search(r'data-chart-text="([^"]+)"', picture).group(1).replace("&quot;", '"'))
    assert set(record) == {"desktop", "phone"}
    assert set(record["phone"]) == set(figures_ext.PAGE_KEYS), "sizes only, not the chart's texts"


def test_extension_fails_on_a_missing_image(tmp_path):
    images = tmp_path / "book" / "chart-images"
    style.chart(bars, "fig-test-bars", directory=images)
    (images / "fig-test-bars-phone@2x.png").unlink()
    app = SimpleNamespace(srcdir=str(tmp_path))
    with pytest.raises(figures_ext.ExtensionError, match="fig-test-bars-phone@2x.png is missing"):
        figures_ext.serve_layouts(app, "book/x", "page.html", {"body": FIGURE_HTML}, None)
