"""Numbers as people write them in Chinese: 6, ６, 六, 十二, 二十三, 一百零五, 两, 〇, and
the financial figures (大写) 陆, 拾贰; a whole number as a decimal (6.0) too.

Used wherever a number is asked (`--task 六`, `task done 第六项`, `--soon 三`) and inside
dates (二〇二〇年六月五日). Ground floor: imports nothing of hsreform.
"""

from __future__ import annotations

import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
DIGITS |= {"壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
DIGITS |= {"貳": 2, "參": 3, "陸": 6}  # the traditional forms of 大写 figures
UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
_ARABIC = re.compile(r"[0-9]{1,9}(?:\.0+)?").fullmatch
"""Arabic figures; a whole number written as a decimal (6.0, as a spreadsheet shows it) too."""
_CHINESE = re.compile("[" + "".join(DIGITS) + "".join(UNITS) + "]{1,12}").fullmatch
_ORDINAL = re.compile(
    r"^(?:no\.?|#|№)?[(〔\[【]?第?(.+?)(?:项|条|个|号|次)?[)〕\]】]?[.、。]?$", re.IGNORECASE
)
_ZERO = frozenset("零〇○")


def chinese_number(text: str) -> int | None:
    """A whole number written in Chinese characters (十二, 二十三, 一百零五, 二〇二〇), or None."""
    if not _CHINESE(text):
        return None
    if all(c in DIGITS for c in text) and len(text) > 1:  # 二〇二〇: digit by digit
        return int("".join(str(DIGITS[c]) for c in text))
    total, current = 0, None
    for char in text:
        if char in _ZERO and len(text) > 1:  # 一百零五: a place left empty
            continue
        if char in DIGITS:
            if current is not None:  # two digits in a row (三四) mean nothing here
                return None
            current = DIGITS[char]
        else:
            scale = UNITS[char]
            total += (1 if current is None else current) * scale
            current = None
    return total + (current or 0)


def number(text: str) -> int | None:
    """A whole number in Arabic or Chinese figures, full-width or not, as an ordinal too
    (第六项, 第6项, （六）, 6.); None when the text is no number."""
    value = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    match = _ORDINAL.match(value)
    if match is None:
        return None
    core = match.group(1)
    if _ARABIC(core):
        return int(core.split(".")[0])
    return chinese_number(core)
