"""Results into the book's text: every value of a result, glued under its key (myst-nb ``glue``).

A chapter's notebook computes a result with one call to a function of the presentation layer
(which returns its values by glue key) and hands it to :func:`glue_all`; the Markdown cells cite
each key (``{glue:text}`key```). Nothing is displayed in the notebook's own output.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from myst_nb import glue


def glue_all(values: Mapping[str, Any]) -> None:
    """Glue every value under its key, without displaying it."""
    for key, value in values.items():
        glue(key, value, display=False)
