"""Shared code of the report "Western (Chongqing) Science City, one year on".

Notebooks and tests import from here; nothing in ``book/`` types a path or repeats set-up.

- :mod:`sciencecity.paths` finds the project's folders from wherever code is started.
- :mod:`sciencecity.seed` loads the source article, verifies its checksum and splits it into
  forum boilerplate and article paragraphs with their character offsets.
- :mod:`sciencecity.style` is the house chart style (one CJK font, one palette, one size).
"""

__all__ = ["paths", "seed", "style"]
