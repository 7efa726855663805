"""The house chart style: the CJK font renders Chinese, and a missing glyph is an error."""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from sciencecity.presentation import style


@pytest.fixture(autouse=True)
def _restore_rc():
    with matplotlib.rc_context(), warnings.catch_warnings():
        yield
    plt.close("all")


def test_font_is_the_simplified_chinese_face():
    style.use()
    found = font_manager.findfont(font_manager.FontProperties(family=matplotlib.rcParams["font.sans-serif"]))
    assert found.endswith(".ttc") or found.endswith(".otf")
    assert font_manager.get_font(found).family_name == style.FONT_FAMILY


def test_chinese_labels_render_without_warnings():
    style.use()
    fig, ax = plt.subplots()
    ax.bar(["直管园", "璧山区", "全市"], [19.8, 12.0, 12.8])
    ax.set_title("上半年GDP增长 GDP growth, 2021H1 (%)")
    style.source_line(fig, "上游新闻 Shangyou News")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")


def test_missing_glyph_is_an_error():
    style.use()
    fig, ax = plt.subplots()
    ax.set_title("\N{GRINNING FACE}")
    with pytest.raises(UserWarning, match="missing from font"):
        fig.savefig(io.BytesIO(), format="png")


def test_palette_is_okabe_ito():
    assert list(style.PALETTE.values())[:3] == ["#0072B2", "#E69F00", "#009E73"]
    style.use()
    assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0] == "#0072B2"
    assert matplotlib.rcParams["savefig.dpi"] == style.DPI >= 144


def test_missing_font_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(style, "FONT_CANDIDATES", (tmp_path / "none.ttc",))
    with pytest.raises(style.FontMissingError, match="make deps"):
        style.font_path()


def test_chart_pngs_are_small_and_keep_the_picture():
    """The palette PNG that style.chart writes is smaller than the full-colour one, the same size."""
    style.use()
    fig, ax = plt.subplots()
    ax.bar(["直管园", "全市"], [19.8, 12.8], color=style.ARTICLE_COLOUR)
    full = io.BytesIO()
    fig.savefig(full, format="png", bbox_inches="tight", dpi=style.png_dpi(fig))
    data = style._png_bytes(fig, style.PNG_WIDTH, 64)
    plt.close(fig)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) < len(full.getvalue())
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(data)) as im, PILImage.open(full) as ref:
        assert im.size == ref.size
        assert len(im.getcolors(256)) <= 64


def test_table_is_deterministic_and_escapes():
    import pandas as pd

    frame = pd.DataFrame({"zone": ["璧山 Bishan", "<b>x</b>"], "value": [1.5, None]})
    html = style.table(frame, title="Zones & values").data
    assert html == style.table(frame, title="Zones & values").data
    assert "<p><strong>Zones &amp; values</strong></p>" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<th></th>" not in html and "–" in html
    assert 'id="' not in html
    assert "<b>x</b>" in style.table(frame, escape=False).data


@pytest.mark.parametrize("figsize", [style.FIGSIZE, (7, 3.0), (5, 4)])
def test_book_pngs_are_about_720_px_wide(figsize):
    """Sized for a phone: about 720 px wide whatever the figure's size in inches."""
    style.use()
    fig, ax = plt.subplots(figsize=figsize)
    ax.barh(["直管园 the core", "璧山区 Bishan District"], [19.8, 12.0], color=style.ARTICLE_COLOUR)
    ax.set_title("上半年GDP增长 GDP growth, 2021H1 (%)")
    style.source_line(fig, "上游新闻 Shangyou News, 2021-09")
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(style._png_bytes(fig, style.PNG_WIDTH, 64))) as im:
        width, height = im.size
    plt.close(fig)
    assert abs(width - style.PNG_WIDTH) <= 8, f"{width} px wide, expected about {style.PNG_WIDTH}"
    assert height < width * figsize[1] / figsize[0] * 1.3


def test_bare_axes_hides_ticks_grid_and_frame():
    style.use()
    fig, ax = plt.subplots()
    ax.imshow([[0, 1], [2, 3]])
    style.bare_axes(ax)
    assert not any(spine.get_visible() for spine in ax.spines.values())
    assert not any(line.get_visible() for line in ax.get_xgridlines() + ax.get_ygridlines())
    assert all(tick.tick1line.get_markersize() == 0 for tick in ax.xaxis.get_major_ticks())


def test_box_draws_a_rounded_box_with_its_label():
    style.use()
    fig, ax = plt.subplots()
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 6)
    style.box(ax, 5, 3, 4, 1, "核心区研发 research", fontsize=8, fill="#D6E8F5")
    (patch,) = ax.patches
    assert patch.get_x() == pytest.approx(3) and patch.get_width() == pytest.approx(4)
    assert matplotlib.colors.to_hex(patch.get_facecolor()) == "#d6e8f5"
    (label,) = ax.texts
    assert label.get_text() == "核心区研发 research" and label.get_position() == (5, 3) and label.get_fontsize() == 8


def test_suptitle_is_left_aligned_and_bold():
    style.use()
    fig, _ = plt.subplots()
    style.suptitle(fig, "两个面板 two panels", fontsize=10.5)
    title = fig._suptitle
    assert title.get_text() == "两个面板 two panels" and title.get_ha() == "left"
    assert title.get_fontweight() == "bold" and title.get_fontsize() == 10.5


def test_unknown_date_row_and_panel():
    style.use()
    fig, (ax, axu) = plt.subplots(1, 2, sharey=True)
    style.unknown_date_row(ax, axu, 2, "年份不详的计划 a plan", colour="#123456", size=14)
    style.unknown_date_panel(axu, fontsize=8.5)
    (marker,) = axu.lines
    assert marker.get_markersize() == 14 and marker.get_markeredgecolor() == "#123456"
    assert [t.get_text() for t in axu.texts] == ["?"]
    (label,) = ax.texts
    assert label.get_text() == "年份不详的计划 a plan" and label.get_ha() == "right"
    assert axu.get_xlim() == (0, 1) and list(axu.get_xticks()) == []
    assert axu.get_xlabel() == "年份不详\nyear unknown"


def test_timeline_axes_take_their_range_from_the_caller():
    import matplotlib.dates as mdates
    import pandas as pd

    style.use()
    fig, (ax, axu) = plt.subplots(1, 2, sharey=True)
    first, last = pd.Timestamp("2020-07-01"), pd.Timestamp("2021-12-31")
    style.timeline_axes(ax, axu, (first, last), 5, mdates.YearLocator(), "%Y", top=0.4, panel_fontsize=8.5)
    assert mdates.num2date(ax.get_xlim()[0]).date() == first.date()
    assert mdates.num2date(ax.get_xlim()[1]).date() == last.date()
    assert ax.get_ylim() == (-0.7, 4.6) and list(ax.get_yticks()) == []
    assert axu.xaxis.label.get_fontsize() == 8.5
