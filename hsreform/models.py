"""The plan's data as pydantic models: the shape of windows.yaml, tasks.yaml and staff.yaml.

No I/O here. Models are strict (a quoted "8" is not a count, a string is not a date) and
refuse keys they do not know, so that nothing unplanned (an ID-card number, a phone number)
slips into the data.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, model_validator

Date = dt.date
"""A calendar date written as 2020-06-05; strict mode refuses text and datetimes."""
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
"""An ASCII id: lower-case letters, digits and single hyphens."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Count = Annotated[int, Field(ge=1, le=10_000)]
BY_VALUE = Strict(False)
"""Strict mode wants enum instances; enum fields are read from their text values."""


class Model(BaseModel):
    """Strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# windows.yaml ---------------------------------------------------------------------------


class Totals(Model):
    """The figures the plan declares, against which the rest is checked."""

    departments: Count
    windows: Count
    categories: Count
    offices: Count


class UnitKind(StrEnum):
    """What sort of body a unit is."""

    SERVICE_CENTRE = "service_centre"
    GOVERNMENT_DEPARTMENT = "government_department"
    PARTY_DEPARTMENT = "party_department"
    PUBLIC_INSTITUTION = "public_institution"
    ENTERPRISE = "enterprise"
    BANK = "bank"


class Unit(Model):
    """A department, institution, enterprise or bank that the plan names.

    `generic` marks a unit the plan refers to only in general terms (进驻银行, 评估公司);
    `count` is how many real units such an entry stands for.
    """

    id: Slug
    name: Text
    kind: Annotated[UnitKind, BY_VALUE]
    aliases: list[Text] = []
    generic: bool = False
    count: Count = 1


class Group(Model):
    """A named set of units that tasks refer to, such as 县人民政府各部门.

    `declared` is how many members the plan says there are, when it says so.
    """

    id: Slug
    name: Text
    members: list[Slug] = []
    declared: Count | None = None


class QuotaRole(StrEnum):
    """What a quota's staff do at the window."""

    STAFF = "staff"
    REVIEWER = "reviewer"


class Quota(Model):
    """How many people a unit dispatches to a window category."""

    unit: Slug
    staff: Count
    role: Annotated[QuotaRole, BY_VALUE] = QuotaRole.STAFF


class Window(Model):
    """A window category: how many windows, what they handle, who staffs them.

    `serves` lists the units or groups whose matters the window accepts on their behalf.
    """

    id: Slug
    name: Text
    count: Count
    duties: Text
    quotas: Annotated[list[Quota], Field(min_length=1)]
    serves: list[Slug] = []


class SelfServiceArea(Model):
    """A self-service area of the hall, and the terminals it is equipped with."""

    id: Slug
    name: Text
    open_24h: bool = False
    terminals: list[Text] = []


class Office(Model):
    """New rooms by purpose, and the unit they belong to where the plan says."""

    name: Text
    count: Count
    owner: Slug | None = None


class WindowsFile(Model):
    """data/windows.yaml."""

    totals: Totals
    units: list[Unit]
    groups: list[Group] = []
    windows: list[Window]
    self_service_areas: list[SelfServiceArea] = []
    offices: list[Office] = []


# tasks.yaml -----------------------------------------------------------------------------


class Status(StrEnum):
    """Where one responsible unit stands on one task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


class Progress(Model):
    """One responsible unit's progress on a task."""

    unit: Slug
    status: Annotated[Status, BY_VALUE]
    done_on: Date | None = None
    evidence: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _done_has_date(self) -> Progress:
        if self.status is Status.DONE and self.done_on is None:
            raise ValueError("done-without-date")
        if self.status is not Status.DONE and self.done_on is not None:
            raise ValueError("date-without-done")
        return self


class Plan(Model):
    """The plan's own particulars."""

    number: Text
    title: Text
    issuer: Text
    issued_on: Date


class Task(Model):
    """A dated task with its responsible units (unit or group ids) and their progress.

    `deadline_for` marks the task whose deadline the staffing rules use: `staffing` (staff
    in post) or `training` (staff trained).
    """

    number: Count
    title: Text
    deliverable: Text
    responsible: Annotated[list[Slug], Field(min_length=1)]
    deadline: Date
    progress: list[Progress] = []
    deadline_for: Literal["staffing", "training"] | None = None


class Goal(Task):
    """A goal tracked like a task, with the matters it exempts."""

    exceptions: Text | None = None


class TasksFile(Model):
    """data/tasks.yaml."""

    plan: Plan
    tasks: list[Task]
    goals: list[Goal] = []


# staff.yaml -----------------------------------------------------------------------------


class StaffRole(StrEnum):
    """A person's role at the window."""

    CHIEF = "chief"
    STAFF = "staff"
    REVIEWER = "reviewer"


class StaffMember(Model):
    """One posting of one person to one window category for one unit.

    `until` is the last day in post. A change of person names the predecessor in
    `replaces` (name or staff number) and the centre's prior approval in
    `approved_by_centre` (the date it was given, or true when the date is not known).
    """

    name: Text
    staff_no: Annotated[str, StringConstraints(min_length=1, max_length=32)] | None = None
    unit: Slug
    window: Slug
    role: Annotated[StaffRole, BY_VALUE]
    since: Date
    until: Date | None = None
    trained_on: Date | None = None
    replaces: Text | None = None
    approved_by_centre: Date | bool | None = None

    @property
    def person(self) -> str:
        """Who this is: the staff number where there is one, else the name."""
        return self.staff_no or self.name

    def in_post(self, day: dt.date) -> bool:
        """Whether this posting covers `day`."""
        return self.since <= day and (self.until is None or day <= self.until)


class StaffFile(Model):
    """data/staff.yaml."""

    staff: list[StaffMember] = []


FILE_MODELS: dict[str, type[Model]] = {
    "windows.yaml": WindowsFile,
    "tasks.yaml": TasksFile,
    "staff.yaml": StaffFile,
}
"""The data files of a data set and the model each must match."""


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys a model accepts, in declaration order."""
    return list(model.model_fields)
