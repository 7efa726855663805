#!/usr/bin/env python3
"""Main-thread time of one page in two builds, without Lighthouse: to measure one change.

    .venv/bin/python bench/layout_time.py BEFORE_HTML AFTER_HTML [--page book/02_growth] [--runs 12]

Each build is served by tools/serve.py and the page loaded in Debian's Chromium as a phone
(412 x 823, device pixel ratio 2, no throttling), the two builds alternating; Chromium's own
counters (DevTools Performance.getMetrics) give the time spent in layout, in style
recalculation and in all main-thread tasks until half a second after the load event. Prints
the median, minimum and maximum of each over the runs. Used for the Latin-face measurement in
bench/results.md.
"""

from __future__ import annotations

import argparse
import statistics
from contextlib import ExitStack
from pathlib import Path

from sciencecity.reading.paths import load_script

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = str(load_script("tools/chromium.py").CHROMIUM)
METRICS = {"layout": "LayoutDuration", "style": "RecalcStyleDuration", "tasks": "TaskDuration"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--page", default="book/02_growth")
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    serve = load_script("tools/serve.py")
    sites = {"before": args.before, "after": args.after}
    times = {site: {m: [] for m in METRICS} for site in sites}
    with ExitStack() as stack, sync_playwright() as p:
        bases = {site: stack.enter_context(serve.serving(html)) for site, html in sites.items()}
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for _ in range(args.runs):
            for site, base in bases.items():
                context = browser.new_context(
                    viewport={"width": 412, "height": 823}, device_scale_factor=2, is_mobile=True, has_touch=True
                )
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                page.goto(f"{base}{args.page}.html", wait_until="load")
                page.wait_for_timeout(500)
                found = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                for name, key in METRICS.items():
                    times[site][name].append(found[key] * 1000)
                context.close()
        browser.close()
    for site, measured in times.items():
        print(
            f"{site}: "
            + "; ".join(
                f"{name} median {statistics.median(v):.0f} ms ({min(v):.0f} to {max(v):.0f})"
                for name, v in measured.items()
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
