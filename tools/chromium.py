"""Headless Chromium as the browser tests, the PDF and the benchmark start it: where, with which flags.

Standard library only; loaded by path (``importlib``) from tests/test_browser.py, tools/pdf.py
and bench/run.py, so that all three start the same browser the same way.
"""

from __future__ import annotations

from pathlib import Path

#: Debian's Chromium (``make deps`` installs it).
CHROMIUM = Path("/usr/bin/chromium")

#: Flags for this closed network: without the background-networking ones Chromium's own
#: connections (component updates, safe browsing, ...) are refused and logged as errors.
CHROME_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
