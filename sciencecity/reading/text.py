"""TODO docstring."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


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
