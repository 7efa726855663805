"""Text as this project compares and writes it: Chinese characters, keys, numbers.

Belongs here: what a Chinese character is (:data:`HAN_RANGES`, :data:`HAN`: the one definition the
scanner, the seed's byline, the geojson checks and the language rules use), the normal form a
key is compared in (:func:`normalised`), and a number as the article writes it
(:func:`number_text`, :func:`whole`). Nothing here reads a file or knows a table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

#: The Han (Chinese) characters, for a regular expression's character class: CJK Unified Ideographs,
#: Extension A and the Compatibility Ideographs.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: One Han character.
HAN = re.compile(f"[{HAN_RANGES}]")


def is_han(ch: str) -> bool:
    """Whether ``ch`` is one Han character (``""`` is not)."""
    return len(ch) == 1 and HAN.match(ch) is not None


#: Invisible format characters (zero-width space, joiners, marks, BOM): a key with one is the same key.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalised(value: Any) -> Any:
    """A key as compared: NFC, without invisible characters, without surrounding spaces."""
    if not isinstance(value, str):
        return value
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", value)).strip()


def whole(value: float | int) -> float | int:
    """A number as ``int`` when it is whole (27.0 → 27), unchanged otherwise (100.6)."""
    return int(value) if float(value).is_integer() else value


def number_text(value: float | int) -> str:
    """A number as the article would write it: ``27`` not ``27.0``, ``283.6`` as is."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise ValueError("no number to write (the value is missing)")
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return repr(value)
