#!/usr/bin/env python3
"""The book's budgets, measured: `make bench` runs this and writes bench/results.md.

    .venv/bin/python bench/run.py                 # everything (about 30 to 45 minutes)
    .venv/bin/python bench/run.py --pages-only    # only the pages of an existing build
    .venv/bin/python bench/run.py --pages-only --pages book/02_growth --runs 1 --out r.md
    .venv/bin/python bench/run.py --pages-only --html other/_build/html --no-baseline
    .venv/bin/python bench/run.py --pages-only --pages book/02_growth --baseline-html before/_build/html

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
   the median of --runs runs (by performance score), each with Lighthouse's benchmark index
   of the machine at that moment (its CPU speed: Lighthouse's 4x slowdown is calibrated for a
   machine of index about 1,000 or more).
3. The baseline, in the same run: the same pages built with Jupyter Book 1's defaults (the
   book's _config.yml without its `sphinx:` and `html:` sections: default extensions, theme,
   templates and static files; no book CSS, template or extension), in another temporary
   copy, measured the same way, page for page, alternating with the book's runs so that both
   meet the same machine load. Total blocking time and bytes are reported as a ratio to the
   baseline's same page.

Needs: Node 18+ and `npm ci` in bench/ (make bench does it), Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from sciencecity.reading.paths import load_script, toc_docnames

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# Goals: scores, bytes, no-op build; performance is judged on machines of benchmark index >=
# perf_index, and total blocking time as a ratio to the default build's (at most tbt_ratio).
GOALS = {
    "performance": 95,
    "accessibility": 100,
    "best-practices": 100,
    "seo": 100,
    "kib": 500,
    "noop_s": 5.0,
    "perf_index": 2000,
    "tbt_ratio": 1 / 3,
}
# What the default build keeps of the book's _config.yml (everything it needs to build at all).
BASELINE_CONFIG_KEYS = [
    "title",
    "author",
    "copyright",
    "only_build_toc_files",
    "exclude_patterns",
    "execute",
    "parse",
    "bibtex_bibfiles",
]

MARK_BEGIN = "<!-- bench:begin (written by bench/run.py; edit outside these marks) -->"
MARK_END = "<!-- bench:end -->"


def load_tool(name: str):
    return load_script(f"tools/{name}.py")


_chromium = load_tool("chromium")
CHROMIUM, CHROME_FLAGS = str(_chromium.CHROMIUM), _chromium.CHROME_ARGS


def load_serve():
    return load_tool("serve")


def toc_pages(root: Path = ROOT, only: list[str] | None = None) -> list[str]:
    names = toc_docnames(root)
    if only:
        unknown = sorted(set(only) - set(names))
        if unknown:
            sys.exit(f"not in _toc.yml: {', '.join(unknown)} (pages are docnames such as book/02_growth)")
        names = [n for n in names if n in only]
    return [f"{name}.html" for name in names]


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
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git": f"{head}{' + uncommitted changes' if dirty else ''}",
        "nproc": sh(["nproc"]),
        "memory": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "os": f"{platform.platform()}",
        "python": sh([str(ROOT / ".venv" / "bin" / "python"), "--version"]),
        "node": sh(["node", "--version"]),
        "chromium": chromium,
        "lighthouse": sh([str(LIGHTHOUSE), "--version"]) if LIGHTHOUSE.exists() else "(not installed)",
        "jupyter-book": sh(
            [
                str(ROOT / ".venv" / "bin" / "python"),
                "-c",
                "import importlib.metadata as m; print(m.version('jupyter-book'))",
            ]
        ),
    }


# -- 1. build timings ------------------------------------------------------------------------


def copy_tree(dest: Path) -> None:
    """Tracked + untracked-not-ignored files of the working tree, with their times."""
    listing = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
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


def build_baseline() -> Path:
    """The book built with Jupyter Book 1's defaults, in a temporary copy; its HTML folder."""
    import yaml

    clone = Path(tempfile.mkdtemp(prefix="sciencecity-baseline-")) / "repo"
    clone.mkdir()
    copy_tree(clone)
    config = yaml.safe_load((clone / "_config.yml").read_text(encoding="utf-8"))
    default = {k: config[k] for k in BASELINE_CONFIG_KEYS if k in config}
    (clone / "_config.yml").write_text(yaml.safe_dump(default, allow_unicode=True, sort_keys=False), encoding="utf-8")
    log = clone.parent / "build.log"
    print(f"==> baseline: default Jupyter Book 1 build in {clone} (log: {log})", flush=True)
    seconds, rc = timed(
        [str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", ".", "--builder", "html"], clone, dict(os.environ), log
    )
    html = clone / "_build" / "html"
    if rc or not (html / "index.html").is_file():
        sys.exit(f"the baseline build failed (exit {rc}): see {log}")
    print(f"    built in {seconds:.0f} s", flush=True)
    return html


# -- 2. pages --------------------------------------------------------------------------------


def lighthouse(url: str, out: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
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
        "index": report.get("environment", {}).get("benchmarkIndex"),
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "dom": (audits.get("dom-size") or {}).get("numericValue"),
        "main": main_thread(audits),
        "failing": failing,
        "errors": report.get("runtimeError", {}).get("message"),
    }


# Lighthouse's main-thread groups (mainthread-work-breakdown), gathered as the issue reads them.
MAIN_GROUPS = {
    "style": ("styleLayout",),
    "script": ("scriptEvaluation", "scriptParseCompile"),
    "parse": ("parseHTML",),
}


def main_thread(audits: dict) -> dict[str, float]:
    """Main-thread time in ms (Lighthouse's 4x-slowed estimate): style and layout, script
    (evaluation, parse and compile), HTML and CSS parsing, and the total of every group."""
    items = ((audits.get("mainthread-work-breakdown") or {}).get("details") or {}).get("items") or []
    by_group = {item["group"]: item["duration"] for item in items}
    out = {name: sum(by_group.get(g, 0.0) for g in groups) for name, groups in MAIN_GROUPS.items()}
    out["total"] = sum(by_group.values())
    return out


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
            page.on("requestfinished", lambda r, sink=responses: sink.append(r))
            page.goto(base_url + page_path, wait_until="load")
            # Scroll past every image (the lazy ones load then), as a reader reading it all.
            # A busy machine may scroll faster than the lazy-loading observer fires: ask for
            # each image outright as well (tests/test_browser.py does the same).
            page.evaluate("""async () => {
                for (const img of document.images) { img.loading = "eager"; }
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


def measure_pages(
    sites: dict[str, Path], pages: list[str], runs: int, keep_json: bool, on_page=None
) -> dict[str, list[dict]]:
    """Lighthouse and bytes for every page of every site ({"book": html, "baseline": html});
    for each page, the runs of the sites alternate (book, baseline, book, ...). `on_page(rows)`
    is called after each page with the rows so far (so that a long run leaves its results)."""
    from contextlib import ExitStack

    serve = load_serve()
    rows: dict[str, list[dict]] = {site: [] for site in sites}
    with ExitStack() as stack:
        bases = {site: stack.enter_context(serve.serving(html)) for site, html in sites.items()}
        transfers = {site: full_transfer(base, pages) for site, base in bases.items()}
        for page_path in pages:
            results: dict[str, list[dict]] = {site: [] for site in sites}
            for i in range(runs):
                for site, base in bases.items():
                    out = BENCH / f"lighthouse-{site}-{Path(page_path).stem}-{i}.json"
                    results[site].append(lighthouse(base + page_path, out))
                    if not keep_json:
                        out.unlink()
            for site, found in results.items():
                found.sort(key=lambda r: r["scores"]["performance"])
                median = found[len(found) // 2]
                median["perf_runs"] = [(r["scores"]["performance"], r["index"], r["tbt"]) for r in found]
                median["tbt_median"] = statistics.median(r["tbt"] for r in found)
                # Main thread: the median of the runs, group by group (the median run's own
                # figures are in the JSON when --keep-json is given).
                median["main_median"] = {k: statistics.median(r["main"][k] for r in found) for k in found[0]["main"]}
                median["page"] = page_path
                median["full_kib"], median["requests"] = transfers[site][page_path]
                print(
                    f"    {site} {page_path}: {median['scores']} {median['kib']:.0f} KiB "
                    f"(scrolled {median['full_kib']:.0f} KiB), TBT {median['tbt']:.0f} ms, "
                    f"benchmark index {median['index']}",
                    flush=True,
                )
                rows[site].append(median)
            if on_page:
                on_page(rows)
    return rows


# -- 3. report -------------------------------------------------------------------------------


def ok(flag: bool) -> str:
    return "met" if flag else "**not met**"


def ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}" if base else "–"


def runs_text(r: dict) -> str:
    return ", ".join(
        f"{perf} / {tbt:,.0f}" + (f" ({index:,.0f})" if index else "") for perf, index, tbt in r["perf_runs"]
    )


def page_row(r: dict, base: dict | None) -> str:
    s = r["scores"]
    cells = [
        r["page"],
        s["performance"],
        s["accessibility"],
        s["best-practices"],
        s["seo"],
        f"{r['index']:,.0f}" if r["index"] else "–",
        f"{r['kib']:.0f}",
    ]
    if base is not None:
        cells.append(ratio(r["kib"], base["kib"]))
    cells += [f"{r['full_kib']:.0f}", r["requests"], f"{r['fcp']:.2f}", f"{r['lcp']:.2f}", f"{r['tbt']:.0f}"]
    if base is not None:
        cells.append(ratio(r["tbt"], base["tbt"]))
    cells += [f"{r['cls']:.3f}", runs_text(r)]
    return "| " + " | ".join(map(str, cells)) + " |"


DEFAULT_BASELINE = "the same pages built with Jupyter Book 1's defaults, in the same run (bench/run.py, step 3)"


def main_thread_table(pages: list[dict], baseline: list[dict] | None) -> list[str]:
    """DOM size and main-thread work per page (medians of the runs), beside the baseline's."""
    base_of = {r["page"]: r for r in baseline or []}
    head = ["page", "DOM elements", "TBT ms (median)", "main thread ms", "style & layout ms", "script ms"]
    head += ["parse ms"]
    if baseline is not None:
        head += ["JB1: DOM elements", "JB1: TBT ms (median)", "JB1: main thread ms", "JB1: style & layout ms"]
        head += ["JB1: script ms", "JB1: parse ms", "TBT x JB1 (medians)"]
    lines = [
        "",
        "### Main thread and DOM",
        "",
        "Lighthouse's main-thread breakdown (its 4x-slowed estimate; median of the runs, group by "
        "group): style and layout; script (evaluation, parse and compile); parse (HTML and CSS). "
        "DOM elements: Lighthouse's dom-size at load.",
        "",
        "| " + " | ".join(head) + " |",
        "| " + " | ".join(["---"] + ["---:"] * (len(head) - 1)) + " |",
    ]

    def cells(r: dict) -> list[str]:
        m = r.get("main_median") or r.get("main")
        if not m:  # a report from before the breakdown was measured
            return ["–"] * 6
        dom = f"{r['dom']:,.0f}" if r.get("dom") is not None else "–"
        return [dom, f"{r['tbt_median']:,.0f}"] + [f"{m[k]:,.0f}" for k in ("total", "style", "script", "parse")]

    for r in pages:
        row = [r["page"], *cells(r)]
        if baseline is not None:
            b = base_of.get(r["page"])
            row += cells(b) if b else ["–"] * 6
            row.append(ratio(r["tbt_median"], b["tbt_median"]) if b and b["tbt_median"] else "–")
        lines.append("| " + " | ".join(row) + " |")
    return lines


def report(
    info: dict,
    timings,
    pages: list[dict],
    html,
    runs: int,
    baseline: list[dict] | None = None,
    baseline_label: str = DEFAULT_BASELINE,
) -> str:
    lines = [MARK_BEGIN, "", "## Latest run", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    lines += [
        f"- pages measured from: {html}, served by tools/serve.py (gzip)",
        f"- Lighthouse: default mobile preset (simulated Slow 4G, 4x CPU slowdown), "
        f'median of {runs} run(s) by performance score; "bench. index" is Lighthouse\'s '
        f"benchmark index of this machine during that run (each run's in the last column)",
    ]
    if baseline is not None:
        lines.append(f'- baseline: {baseline_label}; "x JB1" is the ratio to the baseline\'s same page')
    lines.append("")
    if timings:
        lines += ["### Build timings", "", "| what | seconds | exit |", "| --- | ---: | ---: |"]
        lines += [f"| {label} | {sec:.2f} | {rc} |" for label, sec, rc in timings]
        noop = next(sec for label, sec, rc in timings if label.startswith("no-op"))
        lines += [
            "",
            f"Goal: no-op `make book` < {GOALS['noop_s']:.0f} s: {ok(noop < GOALS['noop_s'])} ({noop:.2f} s).",
            "",
        ]
    if pages:
        with_base = baseline is not None
        base_of = {r["page"]: r for r in baseline or []}
        head = ["page", "perf", "a11y", "best pr.", "SEO", "bench. index", "KiB (Lighthouse)"]
        head += ["KiB x JB1"] if with_base else []
        head += ["KiB (all, scrolled)", "requests", "FCP s", "LCP s", "TBT ms"]
        head += ["TBT x JB1"] if with_base else []
        head += ["CLS", "runs: perf / TBT ms (bench. index)"]
        align = ["---"] + ["---:"] * (len(head) - 2) + ["---"]
        lines += ["### Pages", "", "| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
        lines += [page_row(r, base_of.get(r["page"], {}) if with_base else None) for r in pages]
        if with_base:
            lines += [
                "",
                f"Baseline: {baseline_label}:",
                "",
                "| " + " | ".join(h for h in head if "x JB1" not in h) + " |",
                "| " + " | ".join(["---"] + ["---:"] * (len(head) - 4) + ["---"]) + " |",
            ]
            lines += [page_row(r, None) for r in baseline]
        lines += main_thread_table(pages, baseline)
        lines += ["", "Budgets (every page):", ""]
        for key, goal, cmp in [("accessibility", 100, "="), ("best-practices", 100, "="), ("seo", 100, "=")]:
            worst = min(r["scores"][key] for r in pages)
            lines.append(f"- {key} {cmp} {goal}: {ok(worst >= goal)} (lowest {worst})")
        worst = min(pages, key=lambda r: r["scores"]["performance"])
        indices = [i for r in pages for _, i, _ in r["perf_runs"] if i]
        lowest_index = min(indices) if indices else 0
        verdict = (
            ok(worst["scores"]["performance"] >= GOALS["performance"])
            if lowest_index >= GOALS["perf_index"]
            else f"not judged here: benchmark index {lowest_index:,.0f} to {max(indices or [0]):,.0f}, "
            f"under {GOALS['perf_index']:,}"
        )
        lines.append(
            f"- performance >= {GOALS['performance']} on a machine of benchmark index >= "
            f"{GOALS['perf_index']:,}: {verdict} (lowest {worst['scores']['performance']}, {worst['page']})"
        )
        heaviest = max(max(r["kib"], r["full_kib"]) for r in pages)
        lines.append(
            f"- transferred <= {GOALS['kib']} KiB: {ok(heaviest <= GOALS['kib'])} (heaviest {heaviest:.0f} KiB)"
        )
        if with_base:
            # Medians of the runs on both sides, as in the table "Main thread and DOM": the
            # median-score run's own TBT pairs one noisy run with another.
            def tbt(r: dict) -> float:
                return r.get("tbt_median", r["tbt"])

            ratios = [
                (tbt(r) / tbt(base_of[r["page"]]), r["page"])
                for r in pages
                if base_of.get(r["page"]) and tbt(base_of[r["page"]])
            ]
            if ratios:
                top = max(ratios)
                lines.append(
                    f"- total blocking time <= 1/3 of the default build's: "
                    f"{ok(top[0] <= GOALS['tbt_ratio'])} (highest ratio {top[0]:.2f}, {top[1]})"
                )
        failing = [(r["page"], f) for r in pages for f in r["failing"]]
        if failing:
            lines += ["", "Audits not passed (weighted; performance metrics scoring under 0.9):", ""]
            lines += [f"- {page}: {f}" for page, f in failing]
        lines.append("")
    lines.append(MARK_END)
    return "\n".join(lines)


def write_results(out: Path, generated: str) -> None:
    empty = "# Benchmark results\n\n" + MARK_BEGIN + "\n" + MARK_END + "\n"
    old = out.read_text(encoding="utf-8") if out.exists() else empty
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
    parser.add_argument(
        "--html", type=Path, help="built HTML to measure (default: the fresh build of the timings, else _build/html)"
    )
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median kept)")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md")
    parser.add_argument("--keep-json", action="store_true", help="keep Lighthouse's JSON reports in bench/")
    parser.add_argument("--keep-clone", action="store_true", help="keep the temporary copies of the repository")
    parser.add_argument(
        "--pages", nargs="+", metavar="DOCNAME", help="measure only these pages of _toc.yml (e.g. book/02_growth)"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="do not build and measure the default Jupyter Book 1 build"
    )
    parser.add_argument(
        "--before-html",
        type=Path,
        help="also measure this build (the book before a change) in the same run, its runs "
        "alternating with the others'; its report goes to --before-out",
    )
    parser.add_argument("--before-out", type=Path, help="where the --before-html report goes")
    parser.add_argument("--baseline-label", help="how the report names the --baseline-html build")
    parser.add_argument(
        "--baseline-html",
        type=Path,
        help="measure this existing build as the baseline instead of building the default one "
        "(to measure one change: the build before it)",
    )
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: make deps")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: (cd bench && npm ci --ignore-scripts)")
    pages = toc_pages(only=args.pages)
    info = machine()
    timings, html, clone, baseline_html = None, None, None, None
    try:
        if not args.pages_only:
            timings, html = build_timings()
            clone = html.parent.parent if html else None
        html = args.html or html or ROOT / "_build" / "html"
        sites = {"book": html}
        if args.before_html:
            sites["before"] = args.before_html
        if args.baseline_html:
            sites["baseline"] = args.baseline_html
        elif not args.no_baseline:
            baseline_html = build_baseline()
            sites["baseline"] = baseline_html
        print(f"==> pages of {', '.join(map(str, sites.values()))}", flush=True)
        html = html.resolve()
        # No machine path in the results: where the pages came from, relative or described.
        if clone and html.is_relative_to(clone.resolve()):
            shown = "a fresh build in the temporary copy"
        elif html.is_relative_to(ROOT):
            shown = str(html.relative_to(ROOT))
        else:
            shown = "a build outside the repository (--html)"
        label = DEFAULT_BASELINE
        if args.baseline_html:
            label = args.baseline_label or "the build given by --baseline-html, in the same run"

        def write(rows: dict[str, list[dict]]) -> None:
            base = rows.get("baseline")
            write_results(args.out, report(info, timings, rows["book"], shown, args.runs, base, label))
            if "before" in rows:
                before_out = args.before_out or args.out.with_name(args.out.stem + "-before.md")
                shown_before = "the build given by --before-html"
                write_results(before_out, report(info, None, rows["before"], shown_before, args.runs, base, label))

        write(measure_pages(sites, pages, args.runs, args.keep_json, on_page=write))
    finally:
        failed = timings and any(rc for _, _, rc in timings)
        if clone and not args.keep_clone and not failed:
            shutil.rmtree(clone.parent, ignore_errors=True)
        elif clone:
            print(f"kept {clone.parent} (make.log there)", file=sys.stderr)
        if baseline_html and not args.keep_clone:
            shutil.rmtree(baseline_html.parent.parent.parent, ignore_errors=True)
    print(f"==> {args.out}")
    if timings and any(rc for _, _, rc in timings):
        print("some make runs failed: see the log above", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
