"""The plan's data as the program holds it: plain, immutable records, read without pydantic.

`models.py` says what a valid data file is: pydantic models, the JSON Schema editors show,
and the findings for every fault. Reading a valid file need not pay for pydantic, though
(importing it and building its validators is about half of a `status` run), so a file is
first read here: `build` checks each value against the same rules, strictly, and makes the
records. It vouches only for what pydantic would accept unchanged; anything else (a fault,
or a value pydantic would convert, such as `2.0` for a count or text with blanks around
it) is declined, and the loader gives the file to pydantic, which says what is wrong or
converts it (`models.to_record`). A test holds the two to the same answer on the fixtures
and on randomly damaged data.

Each record's fields are its annotations, in order, as `Annotated[type, check, default]`:
the check takes a value as read from YAML and returns it as held, or raises `Decline`.
"""

import datetime as dt
import inspect
import itertools
import re
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal, Self, TypeVar

Check = Callable[[Any], Any]
R = TypeVar("R", bound="Record")


class Decline(Exception):
    """A value `build` cannot vouch for: pydantic must read the file."""


def _decline() -> typing.NoReturn:
    raise Decline


# checks ---------------------------------------------------------------------------------

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*").fullmatch
_SURROGATE = re.compile("[\ud800-\udfff]").search
"""A lone surrogate (undecodable bytes of a command line): pydantic refuses such text."""


def slug(value: Any) -> str:
    """An ASCII id (`models.Slug`)."""
    if type(value) is str and len(value) <= 64 and _SLUG(value):
        return value
    _decline()


def text(longest: int) -> Check:
    """Text of 1 to `longest` characters. pydantic strips blanks around it first: text
    with any (or only blanks) is declined, and pydantic reads it."""

    def check(value: Any) -> str:
        if (
            type(value) is str
            and 0 < len(value) <= longest
            and not (value[0].isspace() or value[-1].isspace())
            and (value.isascii() or not _SURROGATE(value))
        ):
            return value
        _decline()

    return check


TEXT = text(2000)
"""`models.Text`."""


def whole(low: int, high: int) -> Check:
    """An integer from `low` to `high` (not a bool; a float is declined: pydantic converts
    `2.0` for a count)."""

    def check(value: Any) -> int:
        if type(value) is int and low <= value <= high:
            return value
        _decline()

    return check


COUNT = whole(1, 10_000)
"""`models.Count`."""


def flag(value: Any) -> bool:
    if type(value) is bool:
        return value
    _decline()


def date(value: Any) -> dt.date:
    """A calendar date (a datetime is not one)."""
    if type(value) is dt.date:
        return value
    _decline()


def choice(values: Mapping[str, Any]) -> Check:
    """One of `values` (text), held as what it maps to: an enum's member, or the text."""

    def check(value: Any) -> Any:
        if type(value) is str and value in values:
            return values[value]
        _decline()

    return check


def member(enum: type[StrEnum]) -> Check:
    """An enum read from its text value."""
    return choice({item.value: item for item in enum})


IDS = frozenset({slug})
"""Checks of id fields; `ids_in` finds them inside lists, mappings and options."""
_INSIDE: dict[Check, tuple[Check, ...]] = {}
"""The checks each composite check applies (for `ids_in`)."""


def _composite(made: Check, *parts: Check) -> Check:
    _INSIDE[made] = parts
    return made


def ids_in(check: Check) -> bool:
    """Whether `check` reads an id anywhere (a slug, a list or mapping of slugs)."""
    return check in IDS or any(ids_in(part) for part in _INSIDE.get(check, ()))


def optional(check: Check) -> Check:
    def maybe(value: Any) -> Any:
        return None if value is None else check(value)

    return _composite(maybe, check)


def list_of(check: Check, shortest: int = 0) -> Check:
    def items(value: Any) -> list[Any]:
        if type(value) is list and len(value) >= shortest:
            return [check(item) for item in value]
        _decline()

    return _composite(items, check)


def dict_of(key: Check, check: Check) -> Check:
    def mapping(value: Any) -> dict[Any, Any]:
        if type(value) is dict:
            return {key(k): check(v) for k, v in value.items()}
        _decline()

    return _composite(mapping, key, check)


def date_or_flag(value: Any) -> dt.date | bool | None:
    """`approved_by_centre`: a date, true or false, or nothing."""
    if value is None or type(value) is bool or type(value) is dt.date:
        return value
    _decline()


# records --------------------------------------------------------------------------------

_REQUIRED: Any = object()


class _Fresh:
    """The default of a list or mapping field: an empty one, made afresh for each record."""


def _constant(value: Any) -> Callable[[], Any]:
    return itertools.repeat(value).__next__


class Record:
    """Immutable, compared by type and fields, like the frozen pydantic models."""

    _fields: ClassVar[tuple[tuple[str, Check, Any], ...]] = ()
    """(name, check, default factory or _REQUIRED), in the model's order."""
    _names: ClassVar[frozenset[str]] = frozenset()
    _checks_fields_together: ClassVar[bool] = False

    def __init_subclass__(cls) -> None:
        """Its fields: the base's, in order (one it declares again keeps its place), then its own."""
        fields = {name: (check, default) for name, check, default in cls._fields}
        for name, annotation in inspect.get_annotations(cls).items():
            check, *default = annotation.__metadata__
            if isinstance(check, type) and issubclass(check, Record):
                check = check.build_from
            if not default:
                fields[name] = (check, _REQUIRED)
            elif default[0] is _Fresh:  # an empty list or mapping of its own
                fields[name] = (check, typing.get_origin(annotation.__origin__))
            else:
                fields[name] = (check, _constant(default[0]))
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
            elif default is _REQUIRED:
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
            value = data.get(name, _REQUIRED)
            if value is _REQUIRED:
                if default is _REQUIRED:
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


def build(record: type[R], data: Any) -> R | None:
    """`data` as `record`, or None when only pydantic can say (a fault, or a conversion)."""
    try:
        return record.build_from(data)
    except Decline:
        return None


# windows.yaml ---------------------------------------------------------------------------


SLUGS = list_of(slug)
TEXTS = list_of(TEXT)
OPTIONAL_SLUG = optional(slug)
OPTIONAL_TEXT = optional(TEXT)
OPTIONAL_COUNT = optional(COUNT)
OPTIONAL_DATE = optional(date)


class Totals(Record):
    departments: Annotated[int, COUNT]
    windows: Annotated[int, COUNT]
    categories: Annotated[int, COUNT]
    offices: Annotated[int, COUNT]
    staff: Annotated[int | None, OPTIONAL_COUNT, None]


class UnitKind(StrEnum):
    """What sort of body a unit is."""

    SERVICE_CENTRE = "service_centre"
    GOVERNMENT_DEPARTMENT = "government_department"
    PARTY_DEPARTMENT = "party_department"
    PUBLIC_INSTITUTION = "public_institution"
    ENTERPRISE = "enterprise"
    BANK = "bank"


class Unit(Record):
    id: Annotated[str, slug]
    name: Annotated[str, TEXT]
    kind: Annotated[UnitKind, member(UnitKind)]
    aliases: Annotated[list[str], TEXTS, _Fresh]
    generic: Annotated[bool, flag, False]
    count: Annotated[int, COUNT, 1]


class Group(Record):
    id: Annotated[str, slug]
    name: Annotated[str, TEXT]
    members: Annotated[list[str], SLUGS, _Fresh]
    declared: Annotated[int | None, OPTIONAL_COUNT, None]
    complete: Annotated[bool, flag, True]


class QuotaRole(StrEnum):
    """What a quota's staff do at the window."""

    STAFF = "staff"
    REVIEWER = "reviewer"


class Quota(Record):
    unit: Annotated[str, slug]
    staff: Annotated[int, COUNT]
    role: Annotated[QuotaRole, member(QuotaRole), QuotaRole.STAFF]


class Window(Record):
    id: Annotated[str, slug]
    name: Annotated[str, TEXT]
    count: Annotated[int, COUNT]
    duties: Annotated[str, TEXT]
    quotas: Annotated[list[Quota], list_of(Quota.build_from, 1)]
    serves: Annotated[list[str], SLUGS, _Fresh]


class SelfServiceArea(Record):
    id: Annotated[str, slug]
    name: Annotated[str, TEXT]
    open_24h: Annotated[bool, flag, False]
    terminals: Annotated[list[str], TEXTS, _Fresh]


class Office(Record):
    name: Annotated[str, TEXT]
    count: Annotated[int, COUNT]
    owner: Annotated[str | None, OPTIONAL_SLUG, None]


PERCENT = whole(0, 100)


class ChiefRule(Record):
    per_unit: Annotated[int, PERCENT, 1]
    by_count: Annotated[bool, flag, True]
    units: Annotated[dict[str, int], dict_of(slug, PERCENT), _Fresh]

    def expected(self, unit: Unit) -> int:
        """How many chief representatives `unit` must have in post."""
        if unit.id in self.units:
            return self.units[unit.id]
        return self.per_unit * (unit.count if self.by_count else 1)


class WindowsFile(Record):
    totals: Annotated[Totals, Totals]
    units: Annotated[list[Unit], list_of(Unit.build_from)]
    groups: Annotated[list[Group], list_of(Group.build_from), _Fresh]
    windows: Annotated[list[Window], list_of(Window.build_from)]
    self_service_areas: Annotated[
        list[SelfServiceArea], list_of(SelfServiceArea.build_from), _Fresh
    ]
    offices: Annotated[list[Office], list_of(Office.build_from), _Fresh]
    chief_representatives: Annotated[ChiefRule | None, optional(ChiefRule.build_from), None]


# tasks.yaml -----------------------------------------------------------------------------


class Status(StrEnum):
    """Where one responsible unit stands on one task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    EXEMPT = "exempt"


class Requirement(Record):
    id: Annotated[str, slug]
    label: Annotated[str, TEXT]
    text: Annotated[str, TEXT]
    applies_to: Annotated[list[str], SLUGS, _Fresh]


class DatedState(Record):
    status: Annotated[Status, member(Status)]
    since: Annotated[dt.date | None, OPTIONAL_DATE, None]
    done_on: Annotated[dt.date | None, OPTIONAL_DATE, None]
    reason: Annotated[str | None, OPTIONAL_TEXT, None]
    evidence: Annotated[str | None, OPTIONAL_TEXT, None]
    note: Annotated[str | None, OPTIONAL_TEXT, None]

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
    def fault(self) -> str | None:
        """A past state has a date, besides."""
        return super().fault() or ("history-undated" if self.began is None else None)


class Progress(DatedState):
    unit: Annotated[str, slug]
    met: Annotated[dict[str, dt.date], dict_of(slug, date), _Fresh]
    history: Annotated[list[PastState], list_of(PastState.build_from), _Fresh]


class CatalogueRule(StrEnum):
    """What the item catalogue says about a task or goal (`catalogue:` in tasks.yaml)."""

    SORTING = "sorting"
    AUTHORIZATION = "authorization"
    IN_HALL = "in-hall"


class Plan(Record):
    number: Annotated[str, TEXT]
    title: Annotated[str, TEXT]
    issuer: Annotated[str, TEXT]
    issued_on: Annotated[dt.date, date]


class Tracked(Record):
    number: Annotated[int, COUNT]
    title: Annotated[str, TEXT]
    deliverable: Annotated[str, TEXT]
    requirements: Annotated[list[Requirement], list_of(Requirement.build_from), _Fresh]
    exceptions: Annotated[str | None, OPTIONAL_TEXT, None]
    catalogue: Annotated[CatalogueRule | None, optional(member(CatalogueRule)), None]
    responsible: Annotated[list[str], list_of(slug, 1)]
    deadline: Annotated[dt.date | None, OPTIONAL_DATE, None]
    progress: Annotated[list[Progress], list_of(Progress.build_from), _Fresh]


DeadlineFor = Literal["staffing", "training"]
Charges = Literal["units-with-quota"]
"""A reading that narrows whom a task charges among its responsible units (`charges:`)."""


class Task(Tracked):
    deadline: Annotated[dt.date, date]  # required here
    deadline_for: Annotated[
        DeadlineFor | None,
        optional(choice({value: value for value in typing.get_args(DeadlineFor)})),
        None,
    ]
    charges: Annotated[
        Charges | None,
        optional(choice({value: value for value in typing.get_args(Charges)})),
        None,
    ]


class Goal(Tracked):
    deadline: Annotated[dt.date, date]


class Duty(Tracked):
    deadline_from: Annotated[int | None, OPTIONAL_COUNT, None]


KINDS = {"tasks": "task", "goals": "goal", "duties": "duty"}
"""The sections of tasks.yaml that hold tracked items, and what each item is called."""


class TasksFile(Record):
    plan: Annotated[Plan, Plan]
    tasks: Annotated[list[Task], list_of(Task.build_from)]
    goals: Annotated[list[Goal], list_of(Goal.build_from), _Fresh]
    duties: Annotated[list[Duty], list_of(Duty.build_from), _Fresh]


# staff.yaml -----------------------------------------------------------------------------


class StaffRole(StrEnum):
    """A person's role at the window."""

    CHIEF = "chief"
    STAFF = "staff"
    REVIEWER = "reviewer"


class StaffMember(Record):
    name: Annotated[str, TEXT]
    staff_no: Annotated[str | None, optional(text(32)), None]
    unit: Annotated[str, slug]
    window: Annotated[str, slug]
    role: Annotated[StaffRole, member(StaffRole)]
    since: Annotated[dt.date, date]
    until: Annotated[dt.date | None, OPTIONAL_DATE, None]
    trained_on: Annotated[dt.date | None, OPTIONAL_DATE, None]
    replaces: Annotated[str | None, OPTIONAL_TEXT, None]
    approved_by_centre: Annotated[dt.date | bool | None, date_or_flag, None]
    leave_approved_by_centre: Annotated[dt.date | bool | None, date_or_flag, None]

    def in_post(self, day: dt.date) -> bool:
        """Whether this posting covers `day`."""
        return self.since <= day and (self.until is None or day <= self.until)


class StaffFile(Record):
    staff: Annotated[list[StaffMember], list_of(StaffMember.build_from), _Fresh]


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
DAYS = whole(0, 3650)
"""A time limit in working days; 0 for 即办 (done on the spot)."""
NUMBER = whole(0, 10_000)


class ItemState(Record):
    status: Annotated[ItemStatus, member(ItemStatus)]
    since: Annotated[dt.date, date]
    reason: Annotated[str | None, OPTIONAL_TEXT, None]
    note: Annotated[str | None, OPTIONAL_TEXT, None]

    def fault(self) -> str | None:
        """A reason only for an item that is exempt or does not enter the hall."""
        if self.reason is not None and self.status in (ItemStatus.LISTED, ItemStatus.IN_HALL):
            return "item-reason-without-exemption"
        return None


class Streamlining(Record):
    on: Annotated[dt.date, date]
    steps: Annotated[int | None, optional(NUMBER), None]
    documents: Annotated[int | None, optional(NUMBER), None]
    promised_days: Annotated[int | None, optional(DAYS), None]


class Item(ItemState):
    name: Annotated[str, TEXT]
    code: Annotated[str | None, optional(text(64)), None]
    kind: Annotated[ItemKind | None, optional(member(ItemKind)), None]
    authority: Annotated[str | None, OPTIONAL_TEXT, None]
    basis: Annotated[str | None, OPTIONAL_TEXT, None]
    legal_days: Annotated[int | None, optional(DAYS), None]
    promised_days: Annotated[int | None, optional(DAYS), None]
    charged: Annotated[bool | None, optional(flag), None]
    fee_standard: Annotated[str | None, OPTIONAL_TEXT, None]
    window: Annotated[str | None, OPTIONAL_SLUG, None]
    online: Annotated[dt.date | None, OPTIONAL_DATE, None]
    public: Annotated[
        dict[PublicElement, dt.date],
        dict_of(choice({value: value for value in PUBLIC_ELEMENTS}), date),
        _Fresh,
    ]
    steps: Annotated[int | None, optional(NUMBER), None]
    documents: Annotated[int | None, optional(NUMBER), None]
    streamlined: Annotated[Streamlining | None, optional(Streamlining.build_from), None]
    history: Annotated[list[ItemState], list_of(ItemState.build_from), _Fresh]


class Catalogue(Record):
    unit: Annotated[str, slug]
    items: Annotated[list[Item], list_of(Item.build_from), _Fresh]


class Letter(Record):
    unit: Annotated[str, slug]
    window: Annotated[str, slug]
    items: Annotated[list[str], list_of(TEXT, 1)]
    signed_on: Annotated[dt.date | None, OPTIONAL_DATE, None]
    signed_by: Annotated[str | None, OPTIONAL_TEXT, None]
    issuer: Annotated[str | None, OPTIONAL_TEXT, None]
    note: Annotated[str | None, OPTIONAL_TEXT, None]


class ItemsFile(Record):
    catalogues: Annotated[list[Catalogue], list_of(Catalogue.build_from), _Fresh]
    letters: Annotated[list[Letter], list_of(Letter.build_from), _Fresh]


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


def _all(record: type[Record]) -> list[type[Record]]:
    return [record, *(cls for sub in record.__subclasses__() for cls in _all(sub))]


ID_FIELDS = frozenset(
    name for record in _all(Record) for name, check, _ in record._fields if ids_in(check)
)
"""Fields that hold ids (a slug, or a list or mapping of them), in any record."""
