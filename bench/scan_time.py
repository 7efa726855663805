#!/usr/bin/env python3
"""How long the theme's overflow scan holds up a page: time spent reading layout at load.

    .venv/bin/python bench/scan_time.py BEFORE_HTML AFTER_HTML [--pages book/03_industries ...] [--runs 5]

pydata-sphinx-theme's script reads `scrollWidth`/`clientWidth` (and the heights) of every
`pre`, cell output and scrollable table when the page loads, to give the boxes that scroll a tab
stop; each read that follows a change forces style and layout. Here every read of those getters
(and of offsetWidth/offsetHeight) is timed in the page, by the script that made it, from the
start of the load until 0.8 s after the load event. The page is loaded in Debian's Chromium as
a phone (412 x 823, device pixel ratio 2) with the CPU slowed 4x (as Lighthouse's mobile
preset), the two builds alternating; Chromium's own counters (DevTools Performance.getMetrics)
give layout, style recalculation and all main-thread tasks over the same time. Prints medians.
"""

from __future__ import annotations

import argparse
import statistics
from contextlib import ExitStack
from pathlib import Path

from sciencecity.reading.paths import load_script

CHROMIUM = str(load_script("tools/chromium.py").CHROMIUM)
METRICS = {"layout": "LayoutDuration", "style": "RecalcStyleDuration", "tasks": "TaskDuration"}

# Wraps the getters; each read's time is added to the script (file name) that made it.
TIMED_GETTERS = r"""
(() => {
  const times = (window.__layoutReads = {total: 0, byScript: {}});
  const names = ["scrollWidth", "scrollHeight", "clientWidth", "clientHeight", "offsetWidth", "offsetHeight"];
  for (const name of names) {
    const proto = name.startsWith("offset") ? HTMLElement.prototype : Element.prototype;
    const original = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, {
      configurable: true,
      get() {
        const start = performance.now();
        const value = original.get.call(this);
        const spent = performance.now() - start;
        const caller = (new Error().stack || "").split("\n")[2] || "";
        const script = (caller.match(/\/([^\/?:]+)(?:\?[^:]*)?:\d+:\d+/) || [null, "?"])[1];
        times.total += spent;
        times.byScript[script] = (times.byScript[script] || 0) + spent;
        return value;
      },
    });
  }
})();
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--pages", nargs="+", default=["book/03_industries"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    serve = load_script("tools/serve.py")
    sites = {"before": args.before, "after": args.after}
    found: dict[tuple[str, str], list[dict]] = {}
    with ExitStack() as stack, sync_playwright() as p:
        bases = {site: stack.enter_context(serve.serving(html)) for site, html in sites.items()}
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        for name in args.pages:
            for _ in range(args.runs):
                for site, base in bases.items():
                    context = browser.new_context(
                        viewport={"width": 412, "height": 823}, device_scale_factor=2, is_mobile=True, has_touch=True
                    )
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
                    cdp.send("Performance.enable")
                    page.add_init_script(TIMED_GETTERS)
                    page.goto(f"{base}{name}.html", wait_until="load")
                    page.wait_for_timeout(800)
                    reads = page.evaluate("window.__layoutReads")
                    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                    row = {k: metrics[v] * 1000 for k, v in METRICS.items()}
                    row["reads"], row["by_script"] = reads["total"], reads["byScript"]
                    found.setdefault((name, site), []).append(row)
                    context.close()
        browser.close()
    for (name, site), rows in found.items():
        scripts = sorted({s for r in rows for s in r["by_script"]})
        by_script = {s: statistics.median(r["by_script"].get(s, 0.0) for r in rows) for s in scripts}
        print(
            f"{name} {site}: layout reads {statistics.median(r['reads'] for r in rows):.0f} ms ("
            + ", ".join(f"{s} {ms:.0f}" for s, ms in sorted(by_script.items(), key=lambda kv: -kv[1]))
            + "); "
            + ", ".join(f"{k} {statistics.median(r[k] for r in rows):.0f} ms" for k in METRICS)
            + f" (medians of {len(rows)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
