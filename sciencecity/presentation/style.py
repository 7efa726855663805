"""The house chart style: one CJK font, one colour-blind-safe palette, one set of sizes.

Belongs here: how every chart and table looks (font, palette, sizes, the source line, the PNG a
chapter glues, the HTML table, the boxes of a diagram); what the charts show is the chapters'.

Every notebook calls :func:`use` once (through ``from sciencecity.presentation.style import use; use()``),
so the font set-up lives here and nowhere else.

Font: Noto Sans CJK SC (Google/Adobe, SIL Open Font Licence 1.1), as shipped by Debian's
``fonts-noto-cjk`` package (``make deps`` installs it). Debian ships it as an OpenType
collection (``NotoSansCJK-Regular.ttc``); Matplotlib registers every face of the collection and
we select the Simplified Chinese face by its family name. Any glyph the font lacks raises an
error instead of drawing a box, so a chart with a missing glyph cannot pass the tests.
"""

from __future__ import annotations

import io
import json
import logging
import re
import warnings
from collections.abc import Callable
from html import escape as html_escape
from html import unescape as html_unescape
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from IPython.display import HTML, Image
from matplotlib import font_manager
from PIL import Image as PILImage

from sciencecity.reading import paths

FONT_FAMILY = "Noto Sans CJK SC"
#: Where Debian (and most Linux distributions) put the Noto CJK collection.
FONT_CANDIDATES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
)

#: Okabe & Ito (2008) colour-blind-safe palette, in the order charts use it.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
#: Neutral grey for context series (figures from other sources) and grid lines.
GREY = "#7F7F7F"
#: The article's figures in blue, context from other sources in grey: the same in every chart.
ARTICLE_COLOUR = PALETTE["blue"]
CONTEXT_COLOUR = GREY

#: Default size of a chart in inches (notebooks may set their own height; keep the width 7 so
#: that text has the same size relative to the chart in every figure).
FIGSIZE = (7.0, 4.0)
#: Resolution of Matplotlib's own output (the notebook display, ``savefig`` without ``png``).
DPI = 144
#: Width in pixels of every PNG glued into the book (:func:`png`). A phone shows a chart about
#: 345 CSS pixels wide, so 720 pixels stay sharp at a device pixel ratio of 2, and a desktop
#: column shows it at its natural size. The text keeps its size relative to the chart (the
#: resolution changes, not the figure's size in inches): 9-point tick labels are about 13
#: pixels tall.
PNG_WIDTH = 720

#: The two layouts every chart of the book is drawn in (:func:`chart`): ``desktop`` for the text
#: column of a laptop (720 CSS px, the glued image), ``phone`` for a screen about 360 CSS px wide,
#: where panels are stacked and labels shorter. The book serves the phone layout to screens up to
#: ``PHONE_MAX_WIDTH`` CSS px wide (book/_ext/sciencecity_figures.py).
LAYOUTS = ("desktop", "phone")
#: Width in CSS pixels the phone layout is drawn for (its PNG at 1x; a 2x copy beside it).
PHONE_WIDTH = 360
#: Width in inches of a phone chart (about 3.5 with the saved margins: at 360 px, 1 pt of text is about 1.43 px).
PHONE_FIGWIDTH = 3.3
#: Widest screen (CSS px) that gets the phone layout.
PHONE_MAX_WIDTH = 600
#: Smallest text a phone chart may draw, in CSS px at ``PHONE_WIDTH`` (:func:`chart` refuses
#: less). A 375 px phone shows the chart 327 px wide, so 11.1 px become 10.1 px there; the
#: browser test (tests/test_chart_screens.py) measures the real size.
PHONE_MIN_TEXT_PX = 11.1
#: Smallest type of a phone chart in points (:func:`enlarge_text`): 8 pt at 3.5 inches for 360 px
#: is 11.4 px.
PHONE_MIN_PT = 8.0
#: Where :func:`chart` writes the images the book serves beside the glued one (committed, like
#: the chart data).
CHART_IMAGES_DIR: Path = paths.BOOK_DIR / "chart-images"


class FontMissingError(RuntimeError):
    """No CJK font with a free licence is installed."""


def font_path() -> Path:
    """The first installed Noto Sans CJK collection, or a clear error saying how to get one."""
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    raise FontMissingError(
        f"{FONT_FAMILY} is not installed (looked in: "
        + ", ".join(str(p) for p in FONT_CANDIDATES)
        + "). Run `make deps` (Debian package fonts-noto-cjk)."
    )


def register_font() -> str:
    """Register the CJK font with Matplotlib (idempotent) and return its family name.

    The bold collection beside the regular one (Debian installs both) is registered too, so
    that bold text is drawn bold whether or not Matplotlib's font cache (built once, at its first
    import) already lists the system's fonts: the same chart gives the same PNG either way.
    """
    names = {f.name for f in font_manager.fontManager.ttflist}
    if FONT_FAMILY not in names:
        font_manager.fontManager.addfont(str(font_path()))
        names = {f.name for f in font_manager.fontManager.ttflist}
    if FONT_FAMILY not in names:  # pragma: no cover - a collection without the SC face
        raise FontMissingError(f"{font_path()} has no face named {FONT_FAMILY!r}")
    bold = font_path().with_name(font_path().name.replace("Regular", "Bold"))
    has_bold = any(f.name == FONT_FAMILY and f.weight == 700 for f in font_manager.fontManager.ttflist)
    if bold.exists() and bold != font_path() and not has_bold:
        font_manager.fontManager.addfont(str(bold))
    return FONT_FAMILY


RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.unicode_minus": True,
    "svg.hashsalt": "sciencecity",
    "path.simplify": True,
}


def use() -> None:
    """Apply the house style to Matplotlib and make missing glyphs an error."""
    family = register_font()
    mpl.rcParams.update(RC)
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    mpl.rcParams["axes.prop_cycle"] = mpl.cycler(color=list(PALETTE.values()))
    # Matplotlib only warns when a glyph is missing and then draws a box; a report must not.
    warnings.filterwarnings("error", message=r"Glyph \d+ .*missing from font", category=UserWarning)


def source_line(fig, text: str, fontsize: float = 8) -> None:
    """Write the chart's source under the plot area, left-aligned, in small grey type."""
    fig.text(0.01, 0.005, f"Source: {text}", ha="left", va="bottom", fontsize=fontsize, color="#555555")
    fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, 0.16))


def suptitle(fig, text: str, fontsize: float = 11) -> None:
    """The chart's title over all its panels, left-aligned and bold."""
    fig.suptitle(text, x=0.01, ha="left", fontsize=fontsize, fontweight="bold")


def unknown_date_mark(axu, y: float, *, colour: str = GREY, size: float = 15, fontsize: float = 10) -> None:
    """The mark of an event whose date is unknown: a "?" in an open circle at row ``y`` of a
    timeline's side panel ``axu`` (:func:`unknown_date_panel`)."""
    axu.plot(0.5, y, marker="o", markersize=size, markerfacecolor="white", markeredgecolor=colour, linestyle="none")
    axu.text(0.5, y, "?", ha="center", va="center", fontsize=fontsize, color=colour, fontweight="bold")


def unknown_date_row(
    ax, axu, y: float, label: str, *, colour: str = GREY, size: float = 15, fontsize: float = 10, linespacing=1.2
) -> None:
    """A timeline's row whose date is unknown: a "?" in the side panel ``axu``, the label at ``ax``'s right edge.

    The timelines of the chapters draw dated events on ``ax`` and give the undated ones a narrow
    panel ``axu`` beside it (sharing the rows; see :func:`unknown_date_panel`).
    """
    unknown_date_mark(axu, y, colour=colour, size=size, fontsize=fontsize)
    ax.text(
        1.0,
        y,
        label,
        transform=ax.get_yaxis_transform(),
        ha="right",
        va="center",
        fontsize=7.5,
        linespacing=linespacing,
    )


def unknown_date_panel(axu, fontsize: float = 8) -> None:
    """The side panel of a timeline for events whose date is unknown: no ticks, a dashed border."""
    axu.set_xlim(0, 1)
    axu.set_xticks([])
    axu.grid(False)
    axu.spines["left"].set_linestyle((0, (3, 3)))
    axu.set_xlabel("年份不详\nyear unknown", fontsize=fontsize)


def timeline_axes(ax, axu, x_range, n_rows: int, locator, date_format: str, *, top=0.3, panel_fontsize=8.0) -> None:
    """The axes of a timeline of ``n_rows`` events (one a row, the first at the top) from ``x_range``.

    ``x_range`` (first and last day shown) comes from the data; ``locator`` places the date
    ticks (a ``matplotlib.dates`` locator) written with ``date_format``; ``top`` is the room
    above the first row. ``axu`` is the panel of undated events (:func:`unknown_date_panel`).
    """
    import matplotlib.dates as mdates

    ax.set_xlim(*x_range)
    ax.set_ylim(-0.7, n_rows - top)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter(date_format))
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    unknown_date_panel(axu, fontsize=panel_fontsize)


def bare_axes(ax) -> None:
    """A heatmap's or diagram's axes: no tick marks, no grid, no frame (the labels stay)."""
    ax.tick_params(length=0)
    ax.grid(False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)


def box(ax, x: float, y: float, w: float, h: float, label: str, *, fontsize: float = 9, fill: str = "white") -> None:
    """A rounded box of ``w`` × ``h`` (data units) centred on ``x, y`` with its label centred in it (diagrams)."""
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(
        FancyBboxPatch(
            (x - w / 2, y - h / 2),
            w,
            h,
            boxstyle="round,pad=0.08",
            facecolor=fill,
            edgecolor=ARTICLE_COLOUR,
            linewidth=1.2,
        )
    )
    ax.text(x, y, label, ha="center", va="center", fontsize=fontsize, linespacing=1.3)


def png_dpi(fig, width: int = PNG_WIDTH) -> float:
    """The resolution at which ``fig``, saved with ``bbox_inches="tight"``, is ``width`` px wide."""
    bbox = fig.get_tightbbox(fig.canvas.get_renderer())
    return width / (bbox.width + 2 * mpl.rcParams["savefig.pad_inches"])


def _png_bytes(fig, width: int, colours: int) -> bytes:
    """``fig`` as a palette PNG ``width`` px wide (tight box), without metadata: the same figure
    always gives the same bytes. The figure stays open."""
    raw, out = io.BytesIO(), io.BytesIO()
    fig.savefig(raw, format="png", bbox_inches="tight", dpi=png_dpi(fig, width))
    image = PILImage.open(raw).convert("RGB")
    image = image.quantize(colours, method=PILImage.Quantize.MEDIANCUT, dither=PILImage.Dither.NONE)
    image.save(out, format="png", optimize=True)
    return out.getvalue()


_SVG_WIDTH = re.compile(r'<svg[^>]*\swidth="([\d.]+)pt"')
_SVG_TEXT = re.compile(r"<text[^>]*font-size: ([\d.]+)px[^>]*>([^<]*)")


def drawn_texts(fig) -> tuple[float, list[tuple[float, str]]]:
    """(width of the saved chart in points, [(size in points, text) of every text drawn]).

    Read from what Matplotlib draws (the chart saved as SVG with text kept as text, with the
    tight box :func:`png` uses), so hidden labels and ticks outside the axes do not count.
    """
    buffer = io.BytesIO()
    # The SVG backend logs its font look-ups' fallbacks (a face without bold, when Matplotlib's
    # font cache lacks the bold collection) where the PNG falls back silently; such a log would
    # become an output of the notebook cell.
    font_log = logging.getLogger("matplotlib.font_manager")
    level = font_log.level
    font_log.setLevel(logging.ERROR)
    try:
        with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "sciencecity"}):
            fig.savefig(buffer, format="svg", bbox_inches="tight")
    finally:
        font_log.setLevel(level)
    svg = buffer.getvalue().decode("utf-8")
    width = float(_SVG_WIDTH.search(svg).group(1))
    texts = [(float(size), html_unescape(text).strip()) for size, text in _SVG_TEXT.findall(svg)]
    return width, [t for t in texts if t[1]]


def text_sizes(fig) -> tuple[float, float, str]:
    """(width of the saved chart in points, size of its smallest text in points, that text)."""
    width, texts = drawn_texts(fig)
    if not texts:
        return width, float("inf"), ""
    size, text = min(texts)
    return width, size, text


def _layout_images(draw: Callable, name: str, layout: str, width: int, args, kwargs) -> tuple[bytes, bytes, dict]:
    """One layout of a chart: its PNGs ``width`` px wide and twice that, and its record for
    ``<name>.json`` (sizes, smallest text, every text). A phone layout's smallest text must be at
    least ``PHONE_MIN_TEXT_PX``, or this raises ValueError naming the text."""
    import matplotlib.pyplot as plt

    fig = draw(*args, layout=layout, **kwargs)
    if layout == "phone":
        enlarge_text(fig, PHONE_MIN_PT)
    try:
        width_pt, texts = drawn_texts(fig)
        smallest_pt, smallest_text = min(texts) if texts else (float("inf"), "")
        one = _png_bytes(fig, width, 64)
        two = _png_bytes(fig, 2 * width, 64)
    finally:
        plt.close(fig)
    size = PILImage.open(io.BytesIO(one)).size
    text_px = round(smallest_pt * size[0] / width_pt, 2)
    if layout == "phone" and text_px < PHONE_MIN_TEXT_PX:
        raise ValueError(
            f"{name}: the phone layout draws {smallest_text[:40]!r} at {text_px:.1f} px "
            f"({smallest_pt:g} pt), under {PHONE_MIN_TEXT_PX:g} px: use larger type or a narrower figure"
        )
    record = {
        "width": size[0],
        "height": size[1],
        "min_text_px": text_px,
        "min_text_pt": smallest_pt,
        "min_text": smallest_text[:60],
        "texts": sorted({text for _, text in texts}),
    }
    return one, two, record


def _write_changed(directory: Path, files: dict[str, bytes]) -> None:
    """Write each of ``files`` (name: bytes) into ``directory``, only where its bytes change."""
    directory.mkdir(parents=True, exist_ok=True)
    for file_name, content in files.items():
        target = directory / file_name
        if not target.exists() or target.read_bytes() != content:
            target.write_bytes(content)


def chart(draw: Callable, name: str, *args, directory: Path | None = None, **kwargs) -> Image:
    """Draw a chart in both layouts and return the desktop PNG to glue; write the others.

    ``draw(*args, layout=..., **kwargs)`` returns a Figure; it is called once per layout of
    :data:`LAYOUTS` with the same data, so the two layouts cannot disagree. ``name`` is the
    figure's ``:name:`` (``fig-growth-sectors``), as for :func:`sciencecity.presentation.words.chart_data`.
    Written to ``book/chart-images/``: ``<name>@2x.png`` (desktop, twice ``PNG_WIDTH``),
    ``<name>-phone.png`` and ``<name>-phone@2x.png`` (``PHONE_WIDTH`` and twice that), and
    ``<name>.json``, the record the book and its browser test read: per layout the 1x image's
    width and height, the size of its smallest text in CSS px at that width, and every text it
    draws (so that tests can read the chart's words: tests/test_charts.py). A file is
    rewritten only when its bytes change. The phone layout's smallest text must be at least
    ``PHONE_MIN_TEXT_PX``, or this raises ValueError naming the text.

    Glue the result as for :func:`png`: ``glue(key, style.chart(draw, "fig-x", data), display=False)``.
    """
    if not re.fullmatch(r"fig-[a-z0-9-]+", name):
        raise ValueError(f"chart name {name!r} must be a figure name like 'fig-growth-sectors'")
    files: dict[str, bytes] = {}
    record: dict[str, dict] = {}
    for layout, width in (("desktop", PNG_WIDTH), ("phone", PHONE_WIDTH)):
        one, two, record[layout] = _layout_images(draw, name, layout, width, args, kwargs)
        suffix = "" if layout == "desktop" else f"-{layout}"
        if layout == "desktop":
            glued = one
        else:
            files[f"{name}{suffix}.png"] = one
        files[f"{name}{suffix}@2x.png"] = two
    files[f"{name}.json"] = (json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    _write_changed(Path(directory or CHART_IMAGES_DIR), files)
    return Image(data=glued, format="png")


def enlarge_text(fig, minimum: float) -> None:
    """Raise every text of ``fig`` smaller than ``minimum`` points to ``minimum`` (tick labels too).

    :func:`chart` applies it to every phone layout, so a label a chart function left at its
    desktop size cannot be drawn too small to read; the function still lays the chart out for
    the larger type (shorter labels, stacked panels).
    """
    from matplotlib.text import Text

    for ax in fig.axes:
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            labels = axis.get_ticklabels(which="both")
            if labels and min(t.get_fontsize() for t in labels) < minimum:
                ax.tick_params(axis=name, which="both", labelsize=max(minimum, max(t.get_fontsize() for t in labels)))
    for text in fig.findobj(Text):
        if text.get_fontsize() < minimum:
            text.set_fontsize(minimum)


def layout_check(layout: str) -> bool:
    """True for the phone layout, False for the desktop one; anything else is an error."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    return layout == "phone"


def table(frame: pd.DataFrame, title: str | None = None, *, escape: bool = True) -> HTML:
    """A narrow HTML table without the index, optionally under a bold title.

    Deterministic (no random element ids, unlike pandas' Styler), so strict nbval can compare it.
    Pass ``escape=False`` only for cells that already hold safe HTML (e.g. ``<br>`` between a
    Chinese name and its translation).
    """
    html = frame.to_html(index=False, escape=escape, na_rep="–", border=0, justify="left")
    if title:
        html = f"<p><strong>{html_escape(title)}</strong></p>\n" + html
    return HTML(html)
