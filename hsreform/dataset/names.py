"""Everything a person names, found the way people write it: the one resolver.

Every command and option that takes a name comes here: units and groups, window
categories, people on the roster, tasks, goals and duties, the requirements of one of
them, roles and the values of options such as `--fail-on`. The rules (docs/names.md
states them for users):

1. Names are compared after normalising both sides (`key`): full-width letters, digits,
   brackets and blanks count as ordinary ones (NFKC), blanks and invisible characters are
   dropped, every middle-dot variant is dropped (· • ・ ･ ． ‧ ∙ ⋅ . and the like), so is a
   hyphen or dash between Chinese characters, and Latin letters compare in lower case.
   艾力•艾合买提, 艾力·艾合买提 and 艾力 艾合买提 are one person.
2. A unit answers to its id, its name, each alias, and its official full name: the county
   (from the plan's issuer, 和硕县) or 县 before the name: 和硕县税务局, 县税务局.
3. A window category answers to its id and its name, with or without 窗口.
4. A person answers to their name or staff number; several people of one name are told
   apart as the refusal lists them: 王芳（HS011，税务窗口，税务局） — any of the words in
   brackets (staff number, window, unit, role; 无工号 for one without a number) narrows it.
5. A task, goal or duty answers to its number in figures or in Chinese (6, 六, 第六项,
   任务六) or to words of its title that only it has.
6. A requirement answers to its id, its short name (label), or its number as the tables
   show it (缺3-6 means requirements 3 to 6), in figures or in Chinese.
7. Roles and option values answer to their English value or their Chinese words
   (首席代表, 错误, 已逾期).
8. Nothing matches: the closest few names by their characters and their sound (pinyin:
   税物局 sounds as 税务局) or as an abbreviation (林草局 for 林业和草原局), else the list
   of valid names; a unit that is not responsible gets the units that are. Several match:
   an error that lists them.

The indexes are built once per data set (`Dataset.names`); a lookup is a dictionary get.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from hsreform.common import numerals
from hsreform.common.errors import HsreformError
from hsreform.common.i18n import text
from hsreform.dataset.records import (
    KINDS,
    Group,
    Requirement,
    StaffMember,
    StaffRole,
    Tracked,
    Unit,
    Window,
)

if TYPE_CHECKING:
    from hsreform.dataset.loader import Dataset

DOTS = "·•・･．‧.∙⋅⸱ꞏ᛫⦁●ㆍ﹒․"
"""Middle dots and their look-alikes, as input methods and keyboards type them between the
parts of a Uyghur or other transcribed name (U+00B7, U+2022, U+30FB, U+FF65, U+FF0E, U+2027,
U+002E, U+2219, U+22C5, U+2E31, U+A78F, U+16EB, U+2981, U+25CF, U+318D, U+FE52, U+2024)."""
_DOTS = re.compile("[" + re.escape(DOTS) + "]")
_JOINED = re.compile(r"(?<=[^\x00-\x7f])[-‐‑‒–—―－~～](?=[^\x00-\x7f])")
"""A hyphen or dash between two non-Latin characters: 艾力-艾合买提."""
_QUALIFIED = re.compile(r"^(.+?)\((.+)\)$")
_QUALIFIER_SEPARATORS = re.compile(r"[,，、;；/]")
_COUNTY = re.compile(r"^(.{1,10}?[县市区旗])")
_KIND_WORDS = {
    "task": ("重点工作任务", "重点任务", "工作任务", "任务"),
    "goal": ("年度目标", "目标"),
    "duty": ("保障职责", "职责"),
}
_SUFFIXES = ("派驻单位", "单位", "窗口", "中心", "公司", "办公室", "局", "委", "办", "部")
"""Endings that say what sort of body a name is; an abbreviation is matched without them."""
CLOSE = 0.6
"""How like a name a typed word must be to be suggested (0 to 1)."""
MARGIN = 0.2
"""A suggestion less like the word than the best one by more than this is left out."""
SUGGESTIONS = 3


def key(value: str) -> str:
    """`value` as names are compared (rule 1 of the module's docstring)."""
    value = unicodedata.normalize("NFKC", _DOTS.sub("", value))  # dots NFKC would turn into others
    value = "".join(c for c in value if unicodedata.category(c) != "Cf")
    value = _JOINED.sub("", _DOTS.sub("", value))
    return "".join(value.split()).casefold()


_DOT_BETWEEN = re.compile(r"(?<=[^\x00-\x7f])\s*[" + re.escape(DOTS) + r"]\s*(?=[^\x00-\x7f])")


def tidy(name: str) -> str:
    """A new name as the roster writes it: blanks around it dropped, and a middle dot of any
    kind between two parts written as · (U+00B7), as the rest of the roster has it."""
    return _DOT_BETWEEN.sub("·", unicodedata.normalize("NFC", name).strip())


def _syllables(value: str) -> tuple[str, ...]:
    """How `value` sounds: the toneless pinyin of each character (other characters as they are)."""
    readings = _pinyin()
    out = []
    for char in value:
        reading = readings.get(ord(char))
        out.append(_toneless(reading.split(",")[0]) if reading else char)
    return tuple(out)


_READINGS: dict[int, str] = {}


def _pinyin() -> dict[int, str]:
    """Each character's readings (pypinyin's table), loaded once, when a name is not found."""
    if not _READINGS:
        try:
            from pypinyin.pinyin_dict import pinyin_dict
        except ImportError:  # pragma: no cover - a dependency; without it, characters alone
            return {}
        _READINGS.update(pinyin_dict)
    return _READINGS


def _toneless(syllable: str) -> str:
    plain = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("ü", "v")


def _core(value: str, county: str) -> str:
    """A name without the county before it and the kind of body after it: 林业和草原局 → 林业和草原."""
    for prefix in (county, "县"):
        if prefix and value.startswith(prefix) and len(value) > len(prefix) + 1:
            value = value[len(prefix) :]
    for suffix in _SUFFIXES:
        if value.endswith(suffix) and len(value) > len(suffix) + 1:
            return value[: -len(suffix)]
    return value


def _in_order(short: str, long: str) -> bool:
    """Whether the characters of `short` appear in `long` in order (林草 in 林业和草原)."""
    rest = iter(long)
    return all(char in rest for char in short)


def similarity(typed: str, name: str, county: str = "") -> float:
    """How like `name` the `typed` word is, 0 to 1: by characters, by sound, as an abbreviation.

    Both are keys (`key`). Typed Latin letters are compared with the name's pinyin too
    (shuiwuju for 税务局).
    """
    if not typed or not name:
        return 0.0
    score = difflib.SequenceMatcher(None, typed, name).ratio()
    if score == 1.0:
        return score
    sound = _syllables(name)
    if typed.isascii() and typed.isalpha():
        score = max(score, difflib.SequenceMatcher(None, typed, "".join(sound)).ratio())
        # pinyin initials, as clerks abbreviate names: swj for 税务局 (shui wu ju)
        initials = "".join(syllable[:1] for syllable in sound)
        if len(typed) >= 2 and typed == initials:
            score = max(score, 0.9)
    else:
        score = max(score, difflib.SequenceMatcher(None, _syllables(typed), sound).ratio())
    short, long = sorted((_core(typed, county), _core(name, county)), key=len)
    if len(short) >= 2 and short != long and _in_order(short, long):
        # an abbreviation keeps the first character of the full name (人社 for 人力资源和社会保障)
        first = 0.1 if short[0] == long[0] else 0.0
        score = max(score, 0.8 + first + 0.05 * len(short) / len(long))
    return score


def closest(typed: str, names: Iterable[str], county: str = "") -> list[str]:
    """The names most like `typed` (at most `SUGGESTIONS`), best first; names as given."""
    word = key(typed)
    scored: dict[str, float] = {}
    for name in names:
        score = similarity(word, key(name), county)
        if score >= CLOSE and score > scored.get(name, 0.0):
            scored[name] = score
    ranked = sorted(scored.items(), key=lambda pair: -pair[1])
    best = ranked[0][1] if ranked else 0.0
    return [name for name, score in ranked[:SUGGESTIONS] if score >= best - MARGIN]


def _figures(value: str) -> str:
    """`value` as numbers are read: like `key`, but a dot stays (6.0 is six, not sixty)."""
    value = unicodedata.normalize("NFKC", value)
    return "".join(c for c in value if unicodedata.category(c) != "Cf" and not c.isspace())


_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:起|开始|到岗)?$")
"""The day a posting began, as `describe` writes it: 2020-06-03起."""
_RUNS = re.compile(r"[,，、;；]")
"""Between the numbers of a list of requirements: 2,4 or 2、4."""
_RANGE = re.compile(r"(?<=[^-])(?:[-‐‑‒–—―−－~～〜]+|至|到)(?=.)")
"""Between the ends of a range of requirements: 3-6, 3—6, 3~6, 3至6, 三到六."""
_SECTION = {"task": re.compile(r"^(?:五|5)[、.]?(?=[(（])")}
"""The plan's own numbering of a kind, before the number in brackets: 五（六） is task 6."""


def number_of(value: str, kind: str | None = None) -> int | None:
    """The number in `value`: 6, 六, 陆, 6.0, 第六项, 任务六 (the kind's own word before it),
    and the plan's own 五（六） for task 6."""
    word = _figures(value).casefold()
    for prefix in _KIND_WORDS.get(kind or "", ()):
        if word.startswith(prefix):
            word = word[len(prefix) :]
            break
    section = _SECTION.get(kind or "")
    if section is not None:
        word = section.sub("", word)
    return numerals.number(word)


def span(numbers: Sequence[int]) -> str:
    """Numbers as runs: 1-8, or 1-3,5."""
    runs: list[list[int]] = []
    for value in sorted(numbers):
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ",".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


# refusals --------------------------------------------------------------------------------


class NotFound(HsreformError):
    """Nothing answers to a name: says what was asked, then the closest names or the valid ones."""

    def __init__(
        self,
        key_: str,
        *,
        close: Sequence[str] = (),
        known: Sequence[str] = (),
        listing: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(key_, **params)
        self.close = list(close)
        self.known = list(known)
        self.listing = listing

    def render(self, lang: str) -> str:
        """The refusal and the next step: did you mean, or what there is."""
        parts = [text(self.key, lang, **self.params)]
        if self.close:
            parts.append(text("names.close", lang, names=self.close))
        elif self.known:
            parts.append(text("names.known", lang, names=self.known))
        if self.listing:
            parts.append(text("names.listing", lang, what=self.listing))
        return "".join(parts)


class Ambiguous(HsreformError):
    """Several answer to a name: lists them, and how to say which."""


# choices of options: roles, --fail-on, --format ---------------------------------------------

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    StaffRole.CHIEF.value: ("首席代表", "首席", "首代"),
    StaffRole.STAFF.value: ("工作人员", "窗口工作人员", "窗口人员", "人员", "普通"),
    StaffRole.REVIEWER.value: ("审核人员", "审核员", "审核"),
}
"""Each role and the Chinese words for it, the usual one first."""
FORMAT_WORDS: dict[str, tuple[str, ...]] = {
    "table": ("终端表格", "终端", "表"),
    "markdown": ("markdown", "md"),
    "html": ("html", "网页"),
    "xlsx": ("xlsx", "excel", "电子表格"),
    "docx": ("docx", "word", "文档"),
}
"""Output formats as people call them; the first word is the one shown in Chinese."""
FAIL_ON_WORDS: dict[str, tuple[str, ...]] = {
    "error": ("错误",),
    "warning": ("警告",),
    "info": ("提示",),
    "never": ("从不", "不"),
    "overdue": ("已逾期", "逾期"),
    "blocked": ("受阻", "受阻或逾期"),
    "due-soon": ("即将到期", "快到期"),
}
"""The levels and states `--fail-on` takes, in Chinese."""


def choose(option: str, value: str, choices: Mapping[str, Sequence[str]]) -> str:
    """The choice `value` names: an English value, or one of the Chinese words of it.

    `choices` maps each value to its words in Chinese (the first is shown). Refused with
    the choices listed in the user's language and the closest first.
    """
    # an invisible character in a value is refused (as in a data id), not read past
    hidden = any(unicodedata.category(c) == "Cf" for c in value)
    word = "\0" if hidden else key(value)
    for choice, words in choices.items():
        if word == key(choice) or word in (key(w) for w in words):
            return choice
    spelled = [*choices, *(w for words in choices.values() for w in words)]
    near = closest(value, spelled)
    raise BadChoice(option, value, list(choices.items()), [_shown(n, choices) for n in near])


def _shown(word: str, choices: Mapping[str, Sequence[str]]) -> tuple[str, str]:
    for choice, words in choices.items():
        if word == choice or word in words:
            return (choice, words[0] if words else choice)
    return (word, word)


class BadChoice(HsreformError):
    """A value an option does not take; lists the ones it does (in Chinese in Chinese)."""

    def __init__(
        self,
        option: str,
        value: str,
        choices: list[tuple[str, Sequence[str]]],
        close: list[tuple[str, str]],
    ) -> None:
        super().__init__("usage.bad_choice", name=option, value=value)
        self.choices = choices
        self.close = close

    def render(self, lang: str) -> str:
        """`--role 的值“首”无效；可选：首席代表、工作人员、审核人员`, the closest first."""

        def word(choice: str, words: Sequence[str]) -> str:
            return words[0] if lang == "zh" and words else choice

        listed = [word(c, w) for c, w in self.choices]
        line = text(self.key, lang, **self.params, choices=listed)
        if self.close:
            near = list(dict.fromkeys(zh if lang == "zh" else en for en, zh in self.close))
            line += text("names.close", lang, names=near)
        return line


def role(value: str, option: str = "--role") -> StaffRole:
    """chief, staff or reviewer, or their Chinese words (首席代表, 工作人员, 审核人员)."""
    return StaffRole(choose(option, value, ROLE_WORDS))


# the resolver of one data set ---------------------------------------------------------------


@dataclass(frozen=True)
class Posting:
    """A posting on the roster as found: its index in staff.yaml, and the record."""

    index: int
    member: StaffMember


class Names:
    """The names of one data set, indexed once: see the module's docstring for the rules."""

    def __init__(self, ds: Dataset) -> None:
        self.ds = ds

    @cached_property
    def county(self) -> str:
        """The county the plan is for (和硕县), from its issuer; '' if it names none."""
        match = _COUNTY.match(self.ds.tasks.plan.issuer)
        return match.group(1) if match else ""

    def full_names(self, name: str) -> list[str]:
        """A unit's official full names: the county or 县 before it (和硕县税务局, 县税务局)."""
        bare = name
        for prefix in (self.county, "县"):
            if prefix and bare.startswith(prefix):
                bare = bare[len(prefix) :]
        return list(dict.fromkeys([self.county + bare, "县" + bare])) if bare else []

    def _official(self, names: Iterable[str]) -> list[str]:
        """Each name, and its official full names."""
        return [label for name in names for label in (name, *self.full_names(name))]

    # units and groups ---------------------------------------------------------------------

    @cached_property
    def _units(self) -> dict[str, list[Unit]]:
        out: dict[str, list[Unit]] = {}
        for unit in self.ds.windows.units:
            for label in [unit.id, *self._official([unit.name, *unit.aliases])]:
                found = out.setdefault(key(label), [])
                if unit not in found:
                    found.append(unit)
        return out

    @cached_property
    def _groups(self) -> dict[str, Group]:
        out: dict[str, Group] = {}
        for group in self.ds.windows.groups:
            for label in [group.id, *self._official([group.name])]:
                out.setdefault(key(label), group)
        return out

    def find_units(self, query: str) -> list[Unit]:
        """Every unit `query` names (valid data gives at most one)."""
        return list(self._units.get(key(query), []))

    def find_unit(self, query: str) -> Unit | None:
        """The unit `query` names, if any; several are refused (the data has a duplicate name)."""
        found = self.find_units(query)
        if len(found) > 1:
            raise HsreformError("usage.ambiguous_unit", value=query, ids=[u.id for u in found])
        return found[0] if found else None

    def group(self, query: str) -> Group | None:
        """The group `query` names, if any."""
        return self._groups.get(key(query))

    def unit(self, query: str) -> Unit:
        """The unit `query` names; a group, or nothing, is refused with the next step."""
        found = self.find_unit(query)
        if found is not None:
            return found
        group = self.group(query)
        if group is not None:
            raise HsreformError(
                "usage.unit_is_group",
                value=query,
                n=len(group.members),
                units=self.unit_names(group.members),
            )
        raise self.no_unit(query)

    def no_unit(self, query: str, among: Sequence[str] | None = None) -> NotFound:
        """The refusal for a name no unit answers to: the closest units (of `among`, if given)."""
        units = [u for u in self.ds.windows.units if among is None or u.id in among]
        labels: dict[str, str] = {}
        for unit in units:
            for label in [unit.name, *unit.aliases, unit.id]:
                labels.setdefault(label, unit.name)
        close = list(dict.fromkeys(labels[n] for n in closest(query, labels, self.county)))
        return NotFound(
            "usage.no_unit",
            value=query,
            close=close,
            known=[u.name for u in units],
            listing="units",
        )

    def unit_names(self, ids: Iterable[str]) -> list[str]:
        """The names of units (ids without a unit as they are)."""
        units = self.ds.units
        return [units[i].name if i in units else i for i in ids]

    def responsible(self, query: str, item: Tracked, kind: str) -> Unit:
        """The unit `query` names among those responsible for `item`; refused with their names."""
        responsible = self.ds.charged(item)
        found = self.find_unit(query)
        if found is None:
            raise self.no_unit(query, responsible)
        if found.id in self.ds.not_charged(item):  # the data's reading (task 4) excuses it
            raise HsreformError("edit.not_charged", unit=found.name, number=item.number, kind=kind)
        if found.id not in responsible:
            raise HsreformError(
                "usage.not_responsible",
                unit=found.name,
                number=item.number,
                kind=kind,
                units=self.unit_names(responsible),
            )
        return found

    # window categories ----------------------------------------------------------------------

    @cached_property
    def _windows(self) -> dict[str, Window]:
        out: dict[str, Window] = {}
        for window in self.ds.windows.windows:
            bare = window.name.removesuffix("窗口")
            for label in (window.id, window.name, bare, bare + "窗口"):
                out.setdefault(key(label), window)
        return out

    def find_window(self, query: str) -> Window | None:
        """The window category `query` names, if any."""
        return self._windows.get(key(query))

    def window(self, query: str) -> Window:
        """The window category `query` names; refused with the closest, or all, by name."""
        found = self.find_window(query)
        if found is not None:
            return found
        raise self.no_window(query)

    def no_window(self, query: str) -> NotFound:
        """The refusal for a name no window category answers to."""
        names = [w.name for w in self.ds.windows.windows]
        close = closest(query, names)
        word = key(query)
        if not close and len(word) >= 2:  # a matter the window handles: 户籍, 护照, 契税
            close = [w.name for w in self.ds.windows.windows if word in key(w.duties)]
            close = close[:SUGGESTIONS]
        return NotFound(
            "usage.no_window",
            value=query,
            close=close,
            known=names,
            listing="windows",
        )

    # people -------------------------------------------------------------------------------

    @cached_property
    def _people(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for index, member in enumerate(self.ds.staff.staff):
            for label in {member.name, member.staff_no or ""} - {""}:
                out.setdefault(key(label), []).append(index)
        return out

    def describe(self, member: StaffMember, lang: str = "zh", *, day: bool = False) -> str:
        """A posting as people tell it apart: 王芳（HS011，税务窗口，税务局）; with `day`, the
        day it began too (王芳（无工号，税务窗口，税务局，2020-06-03起）), for two people of
        one name at one window of one unit, neither with a staff number."""
        window = self.ds.window_categories.get(member.window)
        unit = self.ds.units.get(member.unit)
        parts = [member.staff_no or text("names.no_staff_no", lang)]
        parts += [window.name if window else member.window, unit.name if unit else member.unit]
        if day:
            parts.append(text("unit.since", lang, day=member.since.isoformat()))
        return f"{member.name}（{'，'.join(parts)}）"

    def telling(self, member: StaffMember, other: StaffMember) -> str:
        """`member` named so that `other`, of the same name, is not: 王芳（社保窗口）, or
        王芳（税务局）, or 王芳（2020-06-03起）, or 王芳（HS011）."""
        if member.staff_no and member.staff_no != other.staff_no:
            word = member.staff_no
        elif member.window != other.window:
            window = self.ds.window_categories.get(member.window)
            word = window.name if window else member.window
        elif member.unit != other.unit:
            unit = self.ds.units.get(member.unit)
            word = unit.name if unit else member.unit
        else:
            word = text("unit.since", "zh", day=member.since.isoformat())
        return f"{member.name}（{word}）"

    def postings(self, query: str, staff_no: str | None = None) -> list[Posting]:
        """Every posting of the person `query` names: a name or staff number, perhaps with the
        words that tell people apart in brackets (王芳（社保窗口）); `staff_no` narrows it.

        Refused when nobody answers, with the closest names on the roster.
        """
        name, qualifiers = query, []
        match = _QUALIFIED.match(unicodedata.normalize("NFKC", query).strip())
        if match and key(query) not in self._people:
            name = match.group(1)
            qualifiers = [q for q in _QUALIFIER_SEPARATORS.split(match.group(2)) if key(q)]
        roster = self.ds.staff.staff
        found = [Posting(i, roster[i]) for i in self._people.get(key(name), [])]
        if staff_no is not None:
            found = [p for p in found if key(p.member.staff_no or "") == key(staff_no)]
        for qualifier in qualifiers:
            found = [p for p in found if self._answers(p.member, qualifier)]
        if not found:
            people = list(dict.fromkeys(m.name for m in roster))
            raise NotFound(
                "usage.no_person",
                value=query,
                staff_no=f"（{staff_no}）" if staff_no else "",
                close=closest(name, people),
                listing="staff",
            )
        return found

    def _answers(self, member: StaffMember, qualifier: str) -> bool:
        """Whether a word in brackets after a name fits the posting (工号, window, unit, role)."""
        word = key(qualifier)
        if word == key(member.staff_no or "") or (
            member.staff_no is None and word == key(text("names.no_staff_no", "zh"))
        ):
            return True
        window = self.find_window(qualifier)
        if window is not None:
            return window.id == member.window
        if word in self._units:
            return any(u.id == member.unit for u in self._units[word])
        day = _DAY.match(_figures(qualifier))
        if day is not None:  # the day the posting began: 2020-06-03起
            return member.since.isoformat() == day.group(1)
        words = ROLE_WORDS.get(member.role.value, ())
        return word in (key(w) for w in (member.role.value, *words))

    # tasks, goals, duties and their requirements -----------------------------------------

    def item(self, kind: str, query: str | int) -> tuple[int, Tracked]:
        """The task (goal, duty) `query` names, by number or by words of its title only it
        has, with its index in its section; refused with the numbers there are."""
        section = next(s for s, k in KINDS.items() if k == kind)
        items: list[Tracked] = getattr(self.ds.tasks, section)
        number = query if isinstance(query, int) else number_of(query, kind)
        if number is not None:
            for index, item in enumerate(items):
                if item.number == number:
                    return index, item
        elif isinstance(query, str) and key(query):
            word = key(query)
            hits = [(i, t) for i, t in enumerate(items) if word in key(t.title)]
            if len(hits) == 1:
                return hits[0]
            if hits:
                raise Ambiguous(
                    "usage.ambiguous_item",
                    value=query,
                    kind=kind,
                    candidates=[f"{t.number}. {t.title}" for _, t in hits],
                )
        numbers = [t.number for t in items]
        titles = [t.title for t in items]
        close = [] if number is not None else closest(str(query), titles)
        raise NotFound(
            f"usage.no_{kind}" if number is not None else f"usage.no_{kind}:named",
            value=query if number is None else number,
            range=span(numbers) if numbers else text("names.none", "zh"),
            n=len(numbers),
            close=[f"{t.number}. {t.title}" for t in items if t.title in close],
        )

    def requirements(self, item: Tracked, kind: str, query: str) -> list[Requirement]:
        """The requirements of `item` that `query` names: one (as `requirement` finds it),
        or numbers as the tables show them: a range (3-6, 3—6, 3~6, 3至6, 三到六), a list
        (2,4 or 2、4), both (缺2,4-7 as copied from a table)."""
        word = _figures(query)
        if any(word.casefold() in (key(r.id), key(r.label)) for r in item.requirements):
            return [self.requirement(item, kind, query)]
        runs = _RUNS.split(word.removeprefix("缺"))
        if len(runs) == 1 and not _RANGE.search(word):
            return [self.requirement(item, kind, query)]
        out: list[Requirement] = []
        for run in runs:
            ends = _RANGE.split(run)
            if len(ends) == 1:
                out.append(self.requirement(item, kind, run))
                continue
            first, last = (numerals.number(e) for e in (ends[0], ends[-1]))
            if len(ends) != 2 or first is None or last is None or not first < last:
                raise self._no_requirement(item, kind, query)
            for number in (first, last):
                if not 1 <= number <= len(item.requirements):
                    raise self._no_requirement(item, kind, query)
            out += item.requirements[first - 1 : last]
        return list({r.id: r for r in out}.values())

    def requirement(self, item: Tracked, kind: str, query: str) -> Requirement:
        """The requirement of `item` that `query` names: id, label, or number (3, 三, 第三项)."""
        word = key(query)
        for requirement in item.requirements:
            if word in (key(requirement.id), key(requirement.label)):
                return requirement
        number = numerals.number(_figures(query))
        if number is not None and 1 <= number <= len(item.requirements):
            return item.requirements[number - 1]
        raise self._no_requirement(item, kind, query)

    def _no_requirement(self, item: Tracked, kind: str, query: str) -> NotFound:
        """The refusal for words no requirement of `item` answers to: the requirements listed."""
        # labels hold a 、 of their own (公开草案、听证论证): each is quoted in the list
        listed = [f"{n}.“{r.label}”" for n, r in enumerate(item.requirements, 1)]
        labels = [r.label for r in item.requirements]
        near = closest(query, labels)
        return NotFound(
            "edit.no_requirement",
            value=query,
            kind=kind,
            number=item.number,
            close=[s for s, label in zip(listed, labels, strict=True) if label in near],
            known=listed,
            listing=f"requirements --{kind} {item.number}",
        )
