#!/usr/bin/env python3
"""The book's budgets, measured: `make bench` runs this and writes bench/results.md.

    .venv/bin/python bench/run.py                 # everything (about 15 to 25 minutes)
    .venv/bin/python bench/run.py --pages-only    # only the pages of an existing build
    .venv/bin/python bench/run.py --pages-only --html /tmp/jb-x/_build/html --out /tmp/r.md

1. Build timings, in a temporary copy of the repository (the working tree is never touched):
   the files git tracks plus untracked files not ignored (what a clone would hold once the
   tree is committed), copied with their modification times; no _build/, no node_modules/.
   The project's .venv is reused through a symlink, and make runs with `-o .venv/.installed`
   so that it never reinstalls anything into that shared environment; PYTHONPATH points at
   the copy so that its notebooks import the copy's `sciencecity`. Timed, in this order:
   fresh `make book` (environment present, no build: every notebook executed, strict build),
   no-op `make book`, `make book` after touching one data file (data/figures.csv: every
   notebook depends on data/, so all are re-executed), and `make test`.
2. Every page of the table of contents, served with gzip by tools/serve.py: bytes transferred
   (Lighthouse's total byte weight, and Chromium's count after scrolling to the bottom, so that
   every image is in), and Lighthouse 12.2.3 (bench/node_modules; default mobile preset with
   simulated throttling) scores for performance, accessibility, best practices and SEO,
   the median of --runs runs (by performance score).

Needs: Node 18+ and `npm ci` in bench/ (make bench does it), Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from sciencecity.paths import toc_docnames

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# Goals (issue 5) and the team's baseline: a default Jupyter Book 1 page, Lighthouse mobile, gzip.
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100, "kib": 500, "noop_s": 5.0}
BASELINE = {"performance": 96, "accessibility": 100, "best-practices": 96, "seo": 91, "kib": 855}

MARK_BEGIN = "<!-- bench:begin (written by bench/run.py; edit outside these marks) -->"
MARK_END = "<!-- bench:end -->"


def load_serve():
    spec = importlib.util.spec_from_file_location("book_serve", ROOT / "tools" / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def toc_pages(root: Path = ROOT) -> list[str]:
    return [f"{name}.html" for name in toc_docnames(root)]


def sh(cmd: list[str], **kw) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False, **kw).stdout.strip()
    except OSError:
        return "(not found)"


def machine() -> dict[str, str]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kib = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    chromium = sh([CHROMIUM, "--version"]) or "(not found)"
    head = sh(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT)
    dirty = sh(["git", "status", "--porcelain"], cwd=ROOT)
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "git": f"{head}{' + uncommitted changes' if dirty else ''}",
        "nproc": sh(["nproc"]),
        "memory": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "os": f"{platform.platform()}",
        "python": sh([str(ROOT / '.venv' / 'bin' / 'python'), "--version"]),
        "node": sh(["node", "--version"]),
        "chromium": chromium,
        "lighthouse": sh([str(LIGHTHOUSE), "--version"]) if LIGHTHOUSE.exists() else "(not installed)",
        "jupyter-book": sh([str(ROOT / ".venv" / "bin" / "python"), "-c",
                            "import importlib.metadata as m; print(m.version('jupyter-book'))"]),
    }


# -- 1. build timings ------------------------------------------------------------------------

def copy_tree(dest: Path) -> None:
    """Tracked + untracked-not-ignored files of the working tree, with their times."""
    listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listing):
        src = ROOT / rel
        if not src.is_file():  # deleted but still in the index
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    (dest / ".venv").symlink_to(ROOT / ".venv")


def timed(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> tuple[float, int]:
    start = time.perf_counter()
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        rc = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT).returncode
    return time.perf_counter() - start, rc


def build_timings() -> tuple[list[tuple[str, float, int]], Path | None]:
    tmp = Path(tempfile.mkdtemp(prefix="sciencecity-bench-"))
    clone = tmp / "repo"
    clone.mkdir()
    copy_tree(clone)
    env = dict(os.environ, PYTHONPATH=str(clone))
    env.pop("BOOK_HTML", None)
    make = ["make", "-o", ".venv/.installed"]  # never touch the shared environment
    log = tmp / "make.log"
    rows = []
    print(f"==> build timings in {clone} (log: {log})", flush=True)
    for label, cmd, before in [
        ("fresh `make book` (environment present, no build)", make + ["book"], None),
        ("no-op `make book`", make + ["book"], None),
        ("`make book` after touching data/figures.csv", make + ["book"], "touch"),
        ("`make test` (book up to date)", make + ["test"], None),
    ]:
        if before == "touch":
            (clone / "data" / "figures.csv").touch()
        seconds, rc = timed(cmd, clone, env, log)
        print(f"    {label}: {seconds:.2f} s (exit {rc})", flush=True)
        rows.append((label, seconds, rc))
    html = clone / "_build" / "html"
    return rows, html if html.is_dir() else None


# -- 2. pages --------------------------------------------------------------------------------

def lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failing = []  # weighted audits not passed; for the performance metrics, those not "good" (< 0.9)
    for cat in report["categories"].values():
        for ref in cat["auditRefs"]:
            a = audits[ref["id"]]
            limit = 0.9 if cat["id"] == "performance" else 1
            if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < limit:
                failing.append(f"{cat['id']}: {ref['id']} ({a.get('displayValue') or a['score']})")
    return {
        "scores": {k: round(100 * (report["categories"][k]["score"] or 0)) for k in CATEGORIES},
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failing": failing,
        "errors": report.get("runtimeError", {}).get("message"),
    }


def full_transfer(base_url: str, pages: list[str]) -> dict[str, tuple[float, int]]:
    """KiB Chromium received for each page (after scrolling to the bottom) and its request count."""
    from playwright.sync_api import sync_playwright

    result = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for page_path in pages:
            context = browser.new_context(viewport={"width": 412, "height": 823})
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda r: responses.append(r))
            page.goto(base_url + page_path, wait_until="load")
            # Scroll past every image (the lazy ones load then), as a reader reading it all.
            page.evaluate("""async () => {
                for (const img of document.images) {
                    img.scrollIntoView({block: "center"});
                    await new Promise(resolve => setTimeout(resolve, 30));
                }
                window.scrollTo(0, document.scrollingElement.scrollHeight);
            }""")
            page.wait_for_load_state("networkidle")
            page.wait_for_function("[...document.images].every(img => img.complete)", timeout=15_000)
            total = 0
            for r in responses:
                sizes = r.sizes()
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            result[page_path] = (total / 1024, len(responses))
            context.close()
        browser.close()
    return result


def measure_pages(html: Path, runs: int, keep_json: bool) -> list[dict]:
    serve = load_serve()
    pages = toc_pages()
    rows = []
    with serve.serving(html) as base:
        transfers = full_transfer(base, pages)
        for page_path in pages:
            results = []
            for i in range(runs):
                out = BENCH / f"lighthouse-{Path(page_path).stem}-{i}.json"
                results.append(lighthouse(base + page_path, out))
                if not keep_json:
                    out.unlink()
            results.sort(key=lambda r: r["scores"]["performance"])
            median = results[len(results) // 2]
            median["perf_runs"] = [r["scores"]["performance"] for r in results]
            median["page"] = page_path
            median["full_kib"], median["requests"] = transfers[page_path]
            print(f"    {page_path}: {median['scores']} {median['kib']:.0f} KiB "
                  f"(scrolled {median['full_kib']:.0f} KiB)", flush=True)
            rows.append(median)
    return rows


# -- 3. report -------------------------------------------------------------------------------

def ok(flag: bool) -> str:
    return "met" if flag else "**not met**"


def report(info: dict, timings, pages: list[dict], html: Path, runs: int) -> str:
    lines = [MARK_BEGIN, "", "## Latest run", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    lines += [f"- pages measured from: {html}, served by tools/serve.py (gzip)",
              f"- Lighthouse: default mobile preset (simulated Slow 4G, 4x CPU slowdown), "
              f"median of {runs} run(s) by performance score", ""]
    if timings:
        lines += ["### Build timings", "", "| what | seconds | exit |", "| --- | ---: | ---: |"]
        lines += [f"| {label} | {sec:.2f} | {rc} |" for label, sec, rc in timings]
        noop = next(sec for label, sec, rc in timings if label.startswith("no-op"))
        lines += ["", f"Goal: no-op `make book` < {GOALS['noop_s']:.0f} s: {ok(noop < GOALS['noop_s'])} "
                  f"({noop:.2f} s).", ""]
    if pages:
        lines += ["### Pages", "",
                  "| page | perf | a11y | best pr. | SEO | KiB (Lighthouse) | KiB (all, scrolled) | requests | FCP s | LCP s | TBT ms | CLS | perf runs |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        b = BASELINE
        lines.append(f"| *baseline: default Jupyter Book 1 page* | *{b['performance']}* | *{b['accessibility']}* | "
                     f"*{b['best-practices']}* | *{b['seo']}* | *{b['kib']}* | | | | | | | |")
        for r in pages:
            s = r["scores"]
            lines.append(f"| {r['page']} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | "
                         f"{s['seo']} | {r['kib']:.0f} | {r['full_kib']:.0f} | {r['requests']} | {r['fcp']:.2f} | "
                         f"{r['lcp']:.2f} | {r['tbt']:.0f} | {r['cls']:.3f} | {', '.join(map(str, r['perf_runs']))} |")
        lines += ["", "Budgets (every page):", ""]
        for key, goal, cmp in [("performance", 95, ">="), ("accessibility", 100, "="),
                               ("best-practices", 100, "="), ("seo", 100, "=")]:
            worst = min(r["scores"][key] for r in pages)
            lines.append(f"- {key} {cmp} {goal}: {ok(worst >= goal)} (lowest {worst})")
        heaviest = max(max(r["kib"], r["full_kib"]) for r in pages)
        lines.append(f"- transferred <= {GOALS['kib']} KiB: {ok(heaviest <= GOALS['kib'])} (heaviest {heaviest:.0f} KiB)")
        failing = [(r["page"], f) for r in pages for f in r["failing"]]
        if failing:
            lines += ["", "Audits not passed (weighted; performance metrics scoring under 0.9):", ""]
            lines += [f"- {page}: {f}" for page, f in failing]
        lines.append("")
    lines.append(MARK_END)
    return "\n".join(lines)


def write_results(out: Path, generated: str) -> None:
    old = out.read_text(encoding="utf-8") if out.exists() else "# Benchmark results\n\n" + MARK_BEGIN + "\n" + MARK_END + "\n"
    if MARK_BEGIN in old and MARK_END in old:
        head, rest = old.split(MARK_BEGIN, 1)
        tail = rest.split(MARK_END, 1)[1]
        new = head + generated + tail
    else:
        new = old.rstrip() + "\n\n" + generated + "\n"
    out.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages-only", action="store_true", help="skip the build timings")
    parser.add_argument("--html", type=Path, help="built HTML to measure (default: the fresh build of the timings, else _build/html)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median kept)")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    parser.add_argument("--keep-json", action="store_true", help="keep Lighthouse's JSON reports in bench/")
    parser.add_argument("--keep-clone", action="store_true", help="keep the temporary copy of the repository")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: make deps")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: (cd bench && npm ci --ignore-scripts)")
    info = machine()
    timings, html, clone = None, None, None
    try:
        if not args.pages_only:
            timings, html = build_timings()
            clone = html.parent.parent if html else None
        html = args.html or html or ROOT / "_build" / "html"
        print(f"==> pages of {html}", flush=True)
        pages = measure_pages(html, args.runs, args.keep_json)
        shown = "a fresh build in the temporary copy" if clone and html.is_relative_to(clone) else html
        write_results(args.out, report(info, timings, pages, shown, args.runs))
    finally:
        failed = timings and any(rc for _, _, rc in timings)
        if clone and not args.keep_clone and not failed:
            shutil.rmtree(clone.parent, ignore_errors=True)
        elif clone:
            print(f"kept {clone.parent} (make.log there)", file=sys.stderr)
    print(f"==> {args.out}")
    if timings and any(rc for _, _, rc in timings):
        print("some make runs failed: see the log above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
