"""What a chapter glues, read from its committed notebook: the keys its Markdown cites, the values.

For the tests of the presentation modules ``<topic>_results``: every key a chapter's Markdown
cites must be produced by the module, and each value must print as the committed notebook's
glued output does (strict nbval compares exactly those outputs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

#: ``{glue:text}`key:format```, ``{glue:md}`key:myst```, ``{glue}`key``` and the directives
#: ```` ```{glue:figure} key ```` / ```` ```{glue} key ````.
_ROLE = re.compile(r"\{glue(?::\w+)?\}`([A-Za-z0-9_]+)")
_DIRECTIVE = re.compile(r"```\{glue(?::\w+)?\}\s+([A-Za-z0-9_]+)")


def cited_keys(notebook: Path) -> set[str]:
    """Every glue key the notebook's Markdown cells cite."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return set(_ROLE.findall(text)) | set(_DIRECTIVE.findall(text))


def glued_text(notebook: Path) -> dict[str, str]:
    """The committed ``text/plain`` of every value the notebook glues, by key."""
    out = {}
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                out[name] = "".join(o["data"]["application/papermill.record/text/plain"])
    return out
