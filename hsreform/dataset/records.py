"""The shape of each data file, declared once; the records the program holds, read without pydantic.

A record class declares one part of a data file, field by field and in order, as
`name: Type = field("中文说明", default=...)`. The type says all a value must be: a text,
id or number type below (`Text`, `Slug`, `Count` ...: `Annotated` with its bounds), `bool`,
a date, an enum, a literal, another record, a list or mapping of these (`Annotated[list[X],
Items(1)]` for at least one), or any of them `| None`. A `fault()` method says what is wrong
with the fields taken together (done needs done_on). The class docstring (a Chinese line
first) and the field descriptions are what editors show from the JSON Schema.

Two readers come from that one declaration:

- `build`, here, reads a file as loaded from YAML into records without pydantic (importing it
  and building its validators is about half of a `status` run). It checks each value against
  its type, strictly, and vouches only for what pydantic would accept unchanged; anything
  else (a fault, or a value pydantic would convert, such as `2.0` for a count or text with
  blanks around it) is declined, and the loader gives the file to pydantic.
- `models` derives the pydantic models from these classes at import: the JSON Schema, and a
  located finding for every fault. A test holds `build` to their answer on the fixtures and on
  randomly damaged data.

Adding a field is one line in its record (plus the data-file docs and fixtures).
"""

import datetime as dt
import inspect
import itertools
import re
import types
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal, Self, TypeVar

Check = Callable[[Any], Any]
"""How `build` reads one value: it returns the value as held, or raises `Decline`."""
R = TypeVar("R", bound="Record")


class Decline(Exception):
    """A value `build` cannot vouch for: pydantic must read the file."""


def _decline() -> typing.NoReturn:
    raise Decline


# what a value must be, besides its type --------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]").search
"""A lone surrogate (undecodable bytes of a command line): pydantic refuses such text."""


class Rule:
    """What a value of a field's type must be besides its type (`Annotated` metadata), and
    how `build` checks a value against both."""

    __slots__ = ("check",)
    base: ClassVar[type]
    """The type it qualifies."""
    check: Check


class Bounds(Rule):
    """An integer from `low` to `high`, never a bool. With `floats`, pydantic reads a float
    without a fraction (`2.0`) as the integer, as JSON Schema, and so every editor, counts
    it; `build` declines it, so that pydantic converts it."""

    __slots__ = ("floats", "high", "low")
    base = int

    def __init__(self, low: int, high: int, *, floats: bool = False) -> None:
        self.low, self.high, self.floats = low, high, floats

        def check(value: Any) -> int:
            if type(value) is int and low <= value <= high:
                return value
            _decline()

        self.check = check


class Length(Rule):
    """Text of 1 to `longest` characters. pydantic strips blanks around it first: text with
    any (or only blanks) is declined here, and pydantic reads it."""

    __slots__ = ("longest",)
    base = str

    def __init__(self, longest: int) -> None:
        self.longest = longest

        def check(value: Any) -> str:
            if (
                type(value) is str
                and 0 < len(value) <= longest
                and not (value[0].isspace() or value[-1].isspace())
                and (value.isascii() or not _SURROGATE(value))
            ):
                return value
            _decline()

        self.check = check


class Pattern(Rule):
    """Text that matches `regex` (anchored, as JSON Schema writes it), of at most `longest`
    characters: an id."""

    __slots__ = ("longest", "regex")
    base = str

    def __init__(self, regex: str, longest: int) -> None:
        self.regex, self.longest = regex, longest
        matches = re.compile(regex).fullmatch

        def check(value: Any) -> str:
            if type(value) is str and len(value) <= longest and matches(value):
                return value
            _decline()

        self.check = check


class Items:
    """A list of at least `least` items: `Annotated[list[X], Items(1)]`."""

    __slots__ = ("least",)

    def __init__(self, least: int) -> None:
        self.least = least


Slug = Annotated[str, Pattern(r"^[a-z0-9]+(-[a-z0-9]+)*$", 64)]
"""An ASCII id: lower-case letters, digits and single hyphens."""
Text = Annotated[str, Length(2000)]
"""Text as people write it: a name, a sentence of the plan, a note."""
Count = Annotated[int, Bounds(1, 10_000, floats=True)]
"""How many of something there are (windows, units, staff): at least one."""
Headcount = Annotated[int, Bounds(0, 100)]
"""How many people (chief representatives) a rule asks for."""
Days = Annotated[int, Bounds(0, 3650)]
"""A time limit in working days; 0 for 即办 (done on the spot)."""
Number = Annotated[int, Bounds(0, 10_000)]
Date = dt.date
"""A calendar date written as 2020-06-05 (a date with a time is not one)."""


# checks of whole values -------------------------------------------------------------------


def _flag(value: Any) -> bool:
    if type(value) is bool:
        return value
    _decline()


def _date(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    _decline()


def _choice(values: Mapping[str, Any]) -> Check:
    """One of `values` (text), held as what it maps to: an enum's member, or the text."""

    def check(value: Any) -> Any:
        if type(value) is str and value in values:
            return values[value]
        _decline()

    return check


def _optional(check: Check) -> Check:
    def maybe(value: Any) -> Any:
        return None if value is None else check(value)

    return maybe


def _either(checks: tuple[Check, ...]) -> Check:
    """The first of `checks` that takes the value (they take values of different types)."""

    def check(value: Any) -> Any:
        for one in checks:
            try:
                return one(value)
            except Decline:
                pass
        _decline()

    return check


def _list_of(check: Check, least: int = 0) -> Check:
    def items(value: Any) -> list[Any]:
        if type(value) is list and len(value) >= least:
            return [check(item) for item in value]
        _decline()

    return items


def _dict_of(key: Check, check: Check) -> Check:
    def mapping(value: Any) -> dict[Any, Any]:
        if type(value) is dict:
            return {key(k): check(v) for k, v in value.items()}
        _decline()

    return mapping


_KNOWN: dict[Any, tuple[Check, bool]] = {}
"""Each field type met so far: its check, and whether it holds ids (fields of one type
share them)."""
_UNIONS = (typing.Union, types.UnionType)


def check_of(annotation: Any) -> Check:
    """How `build` reads a value of type `annotation` (a field's type)."""
    return _known(annotation)[0]


def _known(annotation: Any) -> tuple[Check, bool]:
    known = _KNOWN.get(annotation)
    if known is None:
        known = _KNOWN[annotation] = (_check(annotation), holds_ids(annotation))
    return known


def _check(annotation: Any) -> Check:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        base, *rules = args
        if len(rules) == 1 and isinstance(rules[0], Rule) and base is rules[0].base:
            return rules[0].check
        if len(rules) == 1 and isinstance(rules[0], Items) and typing.get_origin(base) is list:
            return _list_of(check_of(typing.get_args(base)[0]), rules[0].least)
    elif origin in _UNIONS:
        members = tuple(arg for arg in args if arg is not types.NoneType)
        check = (
            check_of(members[0])
            if len(members) == 1
            else _either(tuple(check_of(member) for member in members))
        )
        return check if len(members) == len(args) else _optional(check)
    elif origin is list:
        return _list_of(check_of(args[0]))
    elif origin is dict:
        return _dict_of(check_of(args[0]), check_of(args[1]))
    elif origin is Literal:
        return _choice({value: value for value in args})
    elif annotation is bool:
        return _flag
    elif annotation is dt.date:
        return _date
    elif isinstance(annotation, type) and issubclass(annotation, StrEnum):
        return _choice({item.value: item for item in annotation})
    elif isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation.build_from
    raise TypeError(
        f"no check for a field of type {annotation!r}: text and numbers take their bounds "
        "from a type such as Text, Slug or Count (see records)"
    )


def holds_ids(annotation: Any) -> bool:
    """Whether a field of type `annotation` holds ids (a slug, a list or mapping of them)."""
    if typing.get_origin(annotation) is Annotated:
        base, *rules = typing.get_args(annotation)
        return any(isinstance(rule, Pattern) for rule in rules) or holds_ids(base)
    return any(holds_ids(arg) for arg in typing.get_args(annotation))


# records --------------------------------------------------------------------------------

REQUIRED: Any = object()
"""The default of a field that has none: it must be written."""
_ID_FIELDS: set[str] = set()


class FieldSpec:
    """One field as its record declares it (`field`); `name` and `annotation` are filled in
    when the record class is made."""

    __slots__ = ("annotation", "default", "default_factory", "description", "name")

    def __init__(
        self, description: str, default: Any, default_factory: Callable[[], Any] | None
    ) -> None:
        self.description, self.default, self.default_factory = description, default, default_factory
        self.name = ""
        self.annotation: Any = None


def field(
    description: str, *, default: Any = REQUIRED, default_factory: Callable[[], Any] | None = None
) -> Any:
    """Declare a record's field: what it means (Chinese, for the people editing the data),
    and its default if it may be left out (`default_factory=list` for an empty list of its own)."""
    return FieldSpec(description, default, default_factory)


def _constant(value: Any) -> Callable[[], Any]:
    return itertools.repeat(value).__next__


class Record:
    """Immutable, compared by type and fields, like the frozen pydantic models."""

    _fields: ClassVar[tuple[tuple[str, Check, Any], ...]] = ()
    """(name, check, default factory or REQUIRED) of every field, in order."""
    _names: ClassVar[frozenset[str]] = frozenset()
    _checks_fields_together: ClassVar[bool] = False
    _own_fields: ClassVar[tuple[FieldSpec, ...]] = ()
    """The fields this class declares itself (not those it inherits), in order."""

    def __init_subclass__(cls) -> None:
        """Its fields: the base's, in order (one it declares again keeps its place), then its own."""
        fields = {name: (check, default) for name, check, default in cls._fields}
        declared = []
        annotations = inspect.get_annotations(cls)
        if any(isinstance(annotation, str) for annotation in annotations.values()):
            annotations = inspect.get_annotations(cls, eval_str=True)  # `from __future__ ...`
        for name, annotation in annotations.items():
            spec = cls.__dict__.get(name)
            if not isinstance(spec, FieldSpec):
                raise TypeError(f"{cls.__name__}.{name}: declare it as `{name}: T = field('说明')`")
            delattr(cls, name)  # a record's values are its own
            spec.name, spec.annotation = name, annotation
            declared.append(spec)
            check, ids = _known(annotation)
            if ids:
                _ID_FIELDS.add(name)
            if spec.default_factory is not None:
                made: Any = spec.default_factory
            elif spec.default is REQUIRED:
                made = REQUIRED
            else:
                made = _constant(spec.default)
            fields[name] = (check, made)
        cls._own_fields = tuple(declared)
        cls._fields = tuple((name, *spec) for name, spec in fields.items())
        cls._names = frozenset(fields)
        cls._checks_fields_together = cls.fault is not Record.fault

    def __init__(self, **values: Any) -> None:
        """A record the program makes (not one read): these fields, defaults for the rest."""
        self._known(values)
        fields = {}
        for name, _, default in self._fields:
            if name in values:
                fields[name] = values[name]
            elif default is REQUIRED:
                raise TypeError(f"{type(self).__name__} needs {name}")
            else:
                fields[name] = default()
        object.__setattr__(self, "__dict__", fields)

    def replace(self, **changes: Any) -> Self:
        """A copy with these fields changed (unchecked, as `make`)."""
        self._known(changes)
        return self.make({**self.__dict__, **changes})

    @classmethod
    def _known(cls, values: Mapping[str, Any]) -> None:
        if unknown := values.keys() - cls._names:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")

    def fault(self) -> str | None:
        """What is wrong with the fields together (pydantic's model validator), if anything."""
        return None

    @classmethod
    def build_from(cls, data: Any) -> Self:
        """The record for `data` (a mapping as read from YAML), or `Decline`."""
        if type(data) is not dict or not cls._names.issuperset(data):
            _decline()
        values = {}
        for name, check, default in cls._fields:
            value = data.get(name, REQUIRED)
            if value is REQUIRED:
                if default is REQUIRED:
                    _decline()
                values[name] = default()
            else:
                values[name] = check(value)
        made = cls.make(values)
        if cls._checks_fields_together and made.fault() is not None:
            _decline()
        return made

    @classmethod
    def make(cls, values: dict[str, Any]) -> Self:
        """The record with these field values (already what they must be), unchecked."""
        made = object.__new__(cls)
        object.__setattr__(made, "__dict__", values)
        return made

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


def fields_of(record: type[Record]) -> tuple[FieldSpec, ...]:
    """The fields `record` declares itself (not those it inherits), in order."""
    return record._own_fields


def build(record: type[R], data: Any) -> R | None:
    """`data` as `record`, or None when only pydantic can say (a fault, or a conversion)."""
    try:
        return record.build_from(data)
    except Decline:
        return None


# windows.yaml ---------------------------------------------------------------------------


class Totals(Record):
    """方案明确给出的总数，其余数据据此核对。

    The figures the plan declares, against which the rest is checked.
    """

    departments: Count = field("涉及具体进驻事项的部门数（方案：35 个）")
    windows: Count = field("窗口总数（方案：55 个）")
    categories: Count = field("窗口类别数（方案：20 类）")
    offices: Count = field("新增办公室间数（方案：17 间）")
    staff: Count | None = field(
        "各窗口人员配额之和（方案各“人员安排”相加得 57；原文没有写出这个总数）", default=None
    )


class UnitKind(StrEnum):
    """What sort of body a unit is."""

    SERVICE_CENTRE = "service_centre"
    GOVERNMENT_DEPARTMENT = "government_department"
    PARTY_DEPARTMENT = "party_department"
    PUBLIC_INSTITUTION = "public_institution"
    ENTERPRISE = "enterprise"
    BANK = "bank"


class Unit(Record):
    """单位：方案点名的部门、事业单位、企业或银行。

    A department, institution, enterprise or bank that the plan names. `generic` marks a
    unit the plan refers to only in general terms (进驻银行, 评估公司); `count` is how
    many real units such an entry stands for.
    """

    id: Slug = field("英文 id：小写字母、数字和连字符，如 tax-bureau")
    name: Text = field("方案中的中文名称，照原文写")
    kind: UnitKind = field(
        "类别：service_centre 行政服务中心、government_department 政府部门、"
        "party_department 党委部门、public_institution 事业单位、enterprise 企业、bank 银行"
    )
    aliases: list[Text] = field("别称，如 县税务局；--unit 也认别称", default_factory=list)
    generic: bool = field("方案只给出泛称、没有具体名称时为 true", default=False)
    count: Count = field("泛称代表几个单位（如三家进驻银行为 3）", default=1)


class Group(Record):
    """单位组：任务引用的一组单位，如 县人民政府各部门。

    A named set of units that tasks refer to. `declared` is how many members the plan
    says there are, when it says so.
    """

    id: Slug = field("英文 id")
    name: Text = field("中文名称")
    members: list[Slug] = field("成员单位的 id", default_factory=list)
    declared: Count | None = field("方案所称的成员数（如综合窗口的 18 个单位）", default=None)
    complete: bool = field(
        "方案没有逐一列出成员、这里只收录了已知的一部分时为 false（validate 会提示）", default=True
    )


class QuotaRole(StrEnum):
    """What a quota's staff do at the window."""

    STAFF = "staff"
    REVIEWER = "reviewer"


class Quota(Record):
    """配额：某单位向某类窗口派驻的人数。

    How many people a unit dispatches to a window category.
    """

    unit: Slug = field("派驻单位的 id")
    staff: Count = field("派驻人数")
    role: QuotaRole = field("staff 工作人员（默认）或 reviewer 审核人员", default=QuotaRole.STAFF)


class Window(Record):
    """窗口类别：窗口数、办理事项和人员配额。

    A window category. `serves` lists the units or groups whose matters the window
    accepts on their behalf.
    """

    id: Slug = field("英文 id")
    name: Text = field("窗口名称，照方案原文")
    count: Count = field("窗口个数")
    duties: Text = field("办理事项，照方案原文")
    quotas: Annotated[list[Quota], Items(1)] = field("人员安排：各派驻单位的人数")
    serves: list[Slug] = field("代为受理转办其事项的单位或单位组", default_factory=list)


class SelfServiceArea(Record):
    """自助服务区及其服务终端。

    A self-service area of the hall, and the terminals it is equipped with.
    """

    id: Slug = field("英文 id")
    name: Text = field("名称，照方案原文")
    open_24h: bool = field("24 小时自助服务区为 true", default=False)
    terminals: list[Text] = field("配备的服务终端", default_factory=list)


class Office(Record):
    """新增办公室：用途、间数，以及方案写明时的所属单位。

    New rooms by purpose, and the unit they belong to where the plan says.
    """

    name: Text = field("名称，照方案原文，如 税务局办公室")
    count: Count = field("间数")
    owner: Slug | None = field("所属单位的 id（方案写明时）", default=None)


class ChiefRule(Record):
    """首席代表制的读法：哪些派驻单位要有首席代表、各几名。

    The plan says only 窗口实行首席代表制 (四); who must have a chief representative and
    how many is this data's reading, which a county can change: `per_unit` for every
    dispatching unit (one with a quota), times `count` for an entry standing for several
    units when `by_count` is true, and `units` overriding the number for named units.
    """

    per_unit: Headcount = field("每个派驻单位（有配额的单位）在岗首席代表的人数", default=1)
    by_count: bool = field(
        "泛称条目代表几个单位（count）就乘以几，如三家进驻银行各 1 名", default=True
    )
    units: dict[Slug, Headcount] = field(
        "个别单位的人数（覆盖上面的读法），如 centre: 0", default_factory=dict
    )

    def expected(self, unit: Unit) -> int:
        """How many chief representatives `unit` must have in post."""
        if unit.id in self.units:
            return self.units[unit.id]
        return self.per_unit * (unit.count if self.by_count else 1)


class WindowsFile(Record):
    """data/windows.yaml：单位、窗口、自助服务区、办公室。"""

    totals: Totals = field("方案明确给出的总数")
    units: list[Unit] = field("单位")
    groups: list[Group] = field("单位组", default_factory=list)
    windows: list[Window] = field("窗口类别")
    self_service_areas: list[SelfServiceArea] = field("自助服务区", default_factory=list)
    offices: list[Office] = field("新增办公室", default_factory=list)
    chief_representatives: ChiefRule | None = field(
        "首席代表制的读法（方案：窗口实行首席代表制）", default=None
    )


# tasks.yaml -----------------------------------------------------------------------------


class Status(StrEnum):
    """Where one responsible unit stands on one task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    EXEMPT = "exempt"


class Requirement(Record):
    """一项要求：方案对这项任务提出的一件具体的事，照原文写全。

    One thing the plan asks for under a task, in the plan's own words. A unit's progress
    ticks it off under `met`; the unit is done only when every requirement is met.
    """

    id: Slug = field("英文 id，如 sign-letter；进度的 met 用它打勾")
    label: Text = field("简称，在 status --task 的表里显示，如 签订授权书")
    text: Text = field("方案原文，一字不省")
    applies_to: list[Slug] = field(
        "只对哪些责任单位或单位组提出（方案分了工时写）；不写则对全部责任单位",
        default_factory=list,
    )


class DatedState(Record):
    """一个带日期的状态：从哪天起是这样。

    A state and the day it began: `done_on` for done, `since` for every other state.
    Exempt needs a `reason` (the plan's own exception it relies on).
    """

    status: Status = field(
        "not_started 未开始、in_progress 进行中、done 已完成、blocked 受阻、exempt 豁免"
    )
    since: Date | None = field(
        "这个状态从哪天开始，如 2020-06-02；in_progress、blocked、exempt 必填，done 用 done_on",
        default=None,
    )
    done_on: Date | None = field("完成日期，如 2020-06-04；status 为 done 时必填", default=None)
    reason: Text | None = field(
        "豁免的理由（status 为 exempt 时必填），如 取水许可对场地有特殊要求", default=None
    )
    evidence: Text | None = field("佐证，如 备案表已报行政服务中心", default=None)
    note: Text | None = field("备注", default=None)

    def fault(self) -> str | None:
        """`done_on` for done, `since` for any other state; a reason for exempt, only."""
        done = self.status is Status.DONE
        if done and self.done_on is None:
            return "done-without-date"
        if not done and self.done_on is not None:
            return "date-without-done"
        if done and self.since is not None:
            return "since-with-done"
        if self.status is Status.EXEMPT and self.reason is None:
            return "exempt-without-reason"
        if self.status is not Status.EXEMPT and self.reason is not None:
            return "reason-without-exempt"
        return None

    @property
    def began(self) -> dt.date | None:
        """The day this state began (None for an undated one)."""
        return self.done_on if self.status is Status.DONE else self.since


class PastState(DatedState):
    """历史中的一个状态：被后来的状态取代之前的样子，必须带日期。"""

    def fault(self) -> str | None:
        """A past state has a date, besides."""
        return super().fault() or ("history-undated" if self.began is None else None)


class Progress(DatedState):
    """一个责任单位在一项任务上的进度：当前状态及其日期，满足了哪些要求，以前的状态。

    One responsible unit's progress on a task: the current state and the day it began,
    the requirements met (each with the day it was met), and the earlier states, oldest
    first, so that a report for a past day shows what was known that day.
    """

    unit: Slug = field("责任单位的 id")
    met: dict[Slug, Date] = field(
        "已满足的要求：要求的 id 及满足的日期，如 {sign-letter: 2020-06-03}", default_factory=dict
    )
    history: list[PastState] = field(
        "以前的状态（由早到晚），每条带日期；改状态时把旧状态移到这里", default_factory=list
    )


class CatalogueRule(StrEnum):
    """What the item catalogue says about a task or goal (`catalogue:` in tasks.yaml)."""

    SORTING = "sorting"
    AUTHORIZATION = "authorization"
    IN_HALL = "in-hall"


class Plan(Record):
    """方案本身：文号、标题、发文单位、日期。"""

    number: Text = field("文号")
    title: Text = field("标题")
    issuer: Text = field("发文单位")
    issued_on: Date = field("印发日期")


class Tracked(Record):
    """Anything with responsible units (unit or group ids), requirements and their progress."""

    number: Count = field("序号，按方案顺序")
    title: Text = field("简短标题，取自方案原文")
    deliverable: Text = field("要交付的成果：一句话的概括，取自方案原文")
    requirements: list[Requirement] = field(
        "方案提出的各项要求，照原文写全；单位满足全部要求才算完成", default_factory=list
    )
    exceptions: Text | None = field(
        "方案允许的例外（可以豁免的情形），如 对场地有特殊要求的事项", default=None
    )
    catalogue: CatalogueRule | None = field(
        "与事项清单（items.yaml）的关系：sorting 单位完成时应已梳理出事项（任务一）；"
        "authorization 单位完成时应已签订授权书（任务二）；in-hall 单位的进度由事项清单推算"
        "（年度目标“应进必进”）",
        default=None,
    )
    responsible: Annotated[list[Slug], Items(1)] = field("责任单位或单位组的 id")
    deadline: Date | None = field("完成时限，如 2020-06-05", default=None)
    progress: list[Progress] = field("各责任单位的进度，每个单位一条", default_factory=list)


DeadlineFor = Literal["staffing", "training"]
Charges = Literal["units-with-quota"]
"""A reading that narrows whom a task charges among its responsible units (`charges:`)."""


class Task(Tracked):
    """重点工作任务：责任单位、完成时限、要求和各单位的进度。

    `deadline_for` marks the task whose deadline the staffing rules use: `staffing`
    (staff in post) or `training` (staff trained). `charges` is a reading of the plan's
    words that narrows whom the task holds to account among its responsible units:
    `units-with-quota`, only those with a quota at some window (task 4, 各单位根据事项办理需求).
    """

    deadline: Date = field("完成时限，如 2020-06-05")  # required here
    deadline_for: DeadlineFor | None = field(
        "staffing：人员到岗期限；training：培训期限（供 check-staffing 使用）", default=None
    )
    charges: Charges | None = field(
        "本数据的读法：units-with-quota 只计在窗口有人员配额的责任单位"
        "（任务四“各单位根据事项办理需求”选派）；不写则计全部责任单位",
        default=None,
    )


class Goal(Tracked):
    """年度目标：像任务一样跟踪；exceptions 写方案允许的例外。"""

    deadline: Date = field("完成时限，如 2020-12-31")


class Duty(Tracked):
    """保障职责（六、工作要求（二））：像任务一样跟踪，但方案没有给期限。

    A support duty. The plan gives it no deadline; `deadline_from` borrows a task's
    deadline only where the data says so (and status shows whose it is).
    """

    deadline_from: Count | None = field(
        "借用第几项任务的完成时限（方案没有给出期限；只在能从原文推出时才写）", default=None
    )


KINDS = {"tasks": "task", "goals": "goal", "duties": "duty"}
"""The sections of tasks.yaml that hold tracked items, and what each item is called."""


class TasksFile(Record):
    """data/tasks.yaml：方案信息、重点工作任务、年度目标、保障职责。"""

    plan: Plan = field("方案本身")
    tasks: list[Task] = field("重点工作任务")
    goals: list[Goal] = field("年度目标", default_factory=list)
    duties: list[Duty] = field("保障职责（六、工作要求（二））", default_factory=list)


# staff.yaml -----------------------------------------------------------------------------


class StaffRole(StrEnum):
    """A person's role at the window."""

    CHIEF = "chief"
    STAFF = "staff"
    REVIEWER = "reviewer"


class StaffMember(Record):
    """一人在一类窗口为一个单位的一段派驻。只记姓名，不记身份证号、电话。

    One posting of one person to one window category for one unit. `until` is the last
    day in post. Every change needs the centre's consent in advance (四、“如遇特殊情况确需
    变动，派出单位应事先征得行政服务中心同意”): a change of person names the predecessor in
    `replaces` (name or staff number) and the consent in `approved_by_centre` (the date it
    was given, or true when the date is not known); so does the new posting of a person who
    moves, or who joins after the initial posting with the centre's consent; a departure
    no successor takes up records its consent in `leave_approved_by_centre`.
    """

    name: Text = field("姓名")
    staff_no: Annotated[str, Length(32)] | None = field("工号；同名的人用它区分", default=None)
    unit: Slug = field("派驻单位的 id")
    window: Slug = field("窗口类别的 id")
    role: StaffRole = field("chief 首席代表、staff 工作人员、reviewer 审核人员")
    since: Date = field("到岗日期")
    until: Date | None = field("离岗日期（当天仍在岗）", default=None)
    trained_on: Date | None = field("业务和礼仪培训日期", default=None)
    replaces: Text | None = field("接替的人（姓名或工号）", default=None)
    approved_by_centre: Date | bool | None = field(
        "换人、调岗或到岗期限后新到岗时行政服务中心事先同意的日期（日期不详时写 true）",
        default=None,
    )
    leave_approved_by_centre: Date | bool | None = field(
        "离岗（没有人接替、也不是调岗）时行政服务中心事先同意的日期（日期不详时写 true）",
        default=None,
    )

    def in_post(self, day: dt.date) -> bool:
        """Whether this posting covers `day`."""
        return self.since <= day and (self.until is None or day <= self.until)


class StaffFile(Record):
    """data/staff.yaml：窗口人员名册。"""

    staff: list[StaffMember] = field("窗口人员", default_factory=list)


# items.yaml -----------------------------------------------------------------------------


class ItemKind(StrEnum):
    """事项类型, as China's item catalogues classify them."""

    LICENSING = "licensing"
    CONFIRMATION = "confirmation"
    ADJUDICATION = "adjudication"
    PAYMENT = "payment"
    REWARD = "reward"
    FILING = "filing"
    OTHER_POWER = "other_power"
    PUBLIC_SERVICE = "public_service"
    CONVENIENCE = "convenience"


class ItemStatus(StrEnum):
    """Where an item stands against 应进必进."""

    LISTED = "listed"
    IN_HALL = "in_hall"
    EXEMPT = "exempt"
    NOT_ENTERING = "not_entering"


PublicElement = Literal["basis", "procedure", "time_limit", "fees", "supervision"]
"""What task 8 asks to make public about an item: 办理依据、办理程序、办理时限、收费标准、监督渠道."""
PUBLIC_ELEMENTS: tuple[PublicElement, ...] = typing.get_args(PublicElement)


class ItemState(Record):
    """事项的一个带日期的状态：从哪天起是这样。

    A state of an item and the day it began. `reason` says why an item is exempt (the
    plan's only exception: 对场地有特殊要求的事项) or does not enter the hall.
    """

    status: ItemStatus = field(
        "listed 已梳理、尚未进驻；in_hall 已进驻大厅办理；exempt 豁免（对场地有特殊要求）；"
        "not_entering 不进驻（仍算作应进未进）"
    )
    since: Date = field("这个状态从哪天开始，如 2020-06-03")
    reason: Text | None = field(
        "豁免或不进驻的理由（exempt 必填），如 取水许可现场核查需要特殊场地", default=None
    )
    note: Text | None = field("备注", default=None)

    def fault(self) -> str | None:
        """A reason only for an item that is exempt or does not enter the hall."""
        if self.reason is not None and self.status in (ItemStatus.LISTED, ItemStatus.IN_HALL):
            return "item-reason-without-exemption"
        return None


class Streamlining(Record):
    """精简：哪天精简的，精简前的环节数、要件数、承诺时限（精简后的是事项本身的 steps 等）。

    The day an item was streamlined (task 7) and its figures before; the figures after are
    the item's own `steps`, `documents` and `promised_days`.
    """

    on: Date = field("精简的日期")
    steps: Number | None = field("精简前的办理环节数", default=None)
    documents: Number | None = field("精简前的申请要件（材料）数", default=None)
    promised_days: Days | None = field("精简前的承诺办结时限（工作日）", default=None)


class Item(ItemState):
    """政务服务事项：事项目录的通用要素，加上本方案关心的进驻、网办、公开、精简情况。

    One government service item: the elements item catalogues use everywhere (name, code,
    kind, implementing body, legal basis, time limits, fees), the window that handles it,
    its dated state against 应进必进 with earlier states in `history`, the day it could be
    done online, what of it was made public and when, and its streamlining. Whether the
    window is authorized for it follows from the signed letters (`letters`).
    """

    name: Text = field("事项名称，照事项目录原文")
    code: Annotated[str, Length(64)] | None = field(
        "事项编码（有则填；全清单中不能重复）", default=None
    )
    kind: ItemKind | None = field(
        "事项类型：licensing 行政许可、confirmation 行政确认、adjudication 行政裁决、"
        "payment 行政给付、reward 行政奖励、filing 行政备案、other_power 其他行政权力、"
        "public_service 公共服务、convenience 便民服务",
        default=None,
    )
    authority: Text | None = field("实施机关，照事项目录原文", default=None)
    basis: Text | None = field("设定依据", default=None)
    legal_days: Days | None = field("法定办结时限（工作日；即办写 0）", default=None)
    promised_days: Days | None = field("承诺办结时限（工作日；即办写 0）", default=None)
    charged: bool | None = field("是否收费", default=None)
    fee_standard: Text | None = field("收费标准", default=None)
    window: Slug | None = field("办理窗口：窗口类别的 id，如 tax", default=None)
    online: Date | None = field("纳入平台、可以网上办理（一网通办）的日期", default=None)
    public: dict[PublicElement, Date] = field(
        "已公开的信息及公开日期：basis 办理依据、procedure 办理程序、time_limit 办理时限、"
        "fees 收费标准、supervision 监督渠道，如 {basis: 2020-06-15}",
        default_factory=dict,
    )
    steps: Number | None = field("办理环节数（现在的）", default=None)
    documents: Number | None = field("申请要件（材料）数（现在的）", default=None)
    streamlined: Streamlining | None = field(
        "精简的日期和精简前的环节数、要件数、承诺时限", default=None
    )
    history: list[ItemState] = field(
        "以前的状态（由早到晚），每条带日期；改状态时把旧状态移到这里", default_factory=list
    )


class Catalogue(Record):
    """一个单位的事项清单。

    One unit's items, as it sorted them (task 1) from the items published on 新疆政务服务网.
    """

    unit: Slug = field("单位的 id")
    items: list[Item] = field("事项", default_factory=list)


class Letter(Record):
    """现场审批服务授权书：单位委托行政服务中心某窗口受理的事项，何时由谁签署。

    An authorization letter (the plan's attachment): the unit entrusts one window of the
    centre with the items listed. Unsigned (no `signed_on`) it is a draft.
    """

    unit: Slug = field("授权单位的 id")
    window: Slug = field("受委托窗口类别的 id")
    items: Annotated[list[Text], Items(1)] = field(
        "委托办理的事项：本单位事项清单中的事项名称或事项编码"
    )
    signed_on: Date | None = field("签署日期；未签署的授权书不写", default=None)
    signed_by: Text | None = field(
        "签署人的职务（如 单位主要领导），不写姓名、身份证号", default=None
    )
    issuer: Text | None = field(
        "授权书标题中的单位全称，如 和硕县税务局；不写时用单位名称", default=None
    )
    note: Text | None = field("备注", default=None)


class ItemsFile(Record):
    """data/items.yaml：各单位的事项清单和授权书（可选的文件）。"""

    catalogues: list[Catalogue] = field("各单位的事项清单", default_factory=list)
    letters: list[Letter] = field("现场审批服务授权书", default_factory=list)


WINDOWS, TASKS, STAFF, ITEMS = "windows.yaml", "tasks.yaml", "staff.yaml", "items.yaml"
REQUIRED_FILES = (WINDOWS, TASKS, STAFF)
"""The data files every data set has (items.yaml, the catalogue, may be left out)."""
FILE_RECORDS: dict[str, type[Record]] = {
    WINDOWS: WindowsFile,
    TASKS: TasksFile,
    STAFF: StaffFile,
    ITEMS: ItemsFile,
}
"""What each data file is read as."""


def record_classes() -> list[type[Record]]:
    """Every record class of the data files (this module's), each after the one it extends."""

    def below(record: type[Record]) -> list[type[Record]]:
        return [record, *(cls for sub in record.__subclasses__() for cls in below(sub))]

    return [record for record in below(Record)[1:] if record.__module__ == __name__]


ID_FIELDS = frozenset(_ID_FIELDS)
"""Fields that hold ids (a slug, or a list or mapping of them), in any record."""
