"""The plan's data as pydantic models: the shape of windows.yaml, tasks.yaml and staff.yaml.

No I/O here. Models are strict (a quoted "8" is not a count, a string is not a date) and
refuse keys they do not know, so that nothing unplanned (an ID-card number, a phone number)
slips into the data. Class docstrings open with a Chinese line and field descriptions are
Chinese: they become the JSON Schema that editors show to the people editing the data.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)

Date = dt.date
"""A calendar date written as 2020-06-05; strict mode refuses text and datetimes."""
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=64)]
"""An ASCII id: lower-case letters, digits and single hyphens."""
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


def _integral(value: object) -> object:
    """`2.0` as 2: JSON Schema, and so every editor, counts a number without a fraction as
    an integer; the tool agrees. (Text stays text: strict mode still refuses "2".)"""
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)
    return value


Count = Annotated[int, Field(ge=1, le=10_000), BeforeValidator(_integral)]
BY_VALUE = Strict(False)
"""Strict mode wants enum instances; enum fields are read from their text values."""


class Model(BaseModel):
    """Strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# windows.yaml ---------------------------------------------------------------------------


class Totals(Model):
    """方案明确给出的总数，其余数据据此核对。

    The figures the plan declares, against which the rest is checked.
    """

    departments: Count = Field(description="涉及具体进驻事项的部门数（方案：35 个）")
    windows: Count = Field(description="窗口总数（方案：55 个）")
    categories: Count = Field(description="窗口类别数（方案：20 类）")
    offices: Count = Field(description="新增办公室间数（方案：17 间）")
    staff: Count | None = Field(
        default=None,
        description="各窗口人员配额之和（方案各“人员安排”相加得 57；原文没有写出这个总数）",
    )


class UnitKind(StrEnum):
    """What sort of body a unit is."""

    SERVICE_CENTRE = "service_centre"
    GOVERNMENT_DEPARTMENT = "government_department"
    PARTY_DEPARTMENT = "party_department"
    PUBLIC_INSTITUTION = "public_institution"
    ENTERPRISE = "enterprise"
    BANK = "bank"


class Unit(Model):
    """单位：方案点名的部门、事业单位、企业或银行。

    A department, institution, enterprise or bank that the plan names. `generic` marks a
    unit the plan refers to only in general terms (进驻银行, 评估公司); `count` is how
    many real units such an entry stands for.
    """

    id: Slug = Field(description="英文 id：小写字母、数字和连字符，如 tax-bureau")
    name: Text = Field(description="方案中的中文名称，照原文写")
    kind: Annotated[UnitKind, BY_VALUE] = Field(
        description="类别：service_centre 行政服务中心、government_department 政府部门、"
        "party_department 党委部门、public_institution 事业单位、enterprise 企业、bank 银行"
    )
    aliases: list[Text] = Field(default=[], description="别称，如 县税务局；--unit 也认别称")
    generic: bool = Field(default=False, description="方案只给出泛称、没有具体名称时为 true")
    count: Count = Field(default=1, description="泛称代表几个单位（如三家进驻银行为 3）")


class Group(Model):
    """单位组：任务引用的一组单位，如 县人民政府各部门。

    A named set of units that tasks refer to. `declared` is how many members the plan
    says there are, when it says so.
    """

    id: Slug = Field(description="英文 id")
    name: Text = Field(description="中文名称")
    members: list[Slug] = Field(default=[], description="成员单位的 id")
    declared: Count | None = Field(
        default=None, description="方案所称的成员数（如综合窗口的 18 个单位）"
    )
    complete: bool = Field(
        default=True,
        description="方案没有逐一列出成员、这里只收录了已知的一部分时为 false（validate 会提示）",
    )


class QuotaRole(StrEnum):
    """What a quota's staff do at the window."""

    STAFF = "staff"
    REVIEWER = "reviewer"


class Quota(Model):
    """配额：某单位向某类窗口派驻的人数。

    How many people a unit dispatches to a window category.
    """

    unit: Slug = Field(description="派驻单位的 id")
    staff: Count = Field(description="派驻人数")
    role: Annotated[QuotaRole, BY_VALUE] = Field(
        default=QuotaRole.STAFF, description="staff 工作人员（默认）或 reviewer 审核人员"
    )


class Window(Model):
    """窗口类别：窗口数、办理事项和人员配额。

    A window category. `serves` lists the units or groups whose matters the window
    accepts on their behalf.
    """

    id: Slug = Field(description="英文 id")
    name: Text = Field(description="窗口名称，照方案原文")
    count: Count = Field(description="窗口个数")
    duties: Text = Field(description="办理事项，照方案原文")
    quotas: Annotated[list[Quota], Field(min_length=1)] = Field(
        description="人员安排：各派驻单位的人数"
    )
    serves: list[Slug] = Field(default=[], description="代为受理转办其事项的单位或单位组")


class SelfServiceArea(Model):
    """自助服务区及其服务终端。

    A self-service area of the hall, and the terminals it is equipped with.
    """

    id: Slug = Field(description="英文 id")
    name: Text = Field(description="名称，照方案原文")
    open_24h: bool = Field(default=False, description="24 小时自助服务区为 true")
    terminals: list[Text] = Field(default=[], description="配备的服务终端")


class Office(Model):
    """新增办公室：用途、间数，以及方案写明时的所属单位。

    New rooms by purpose, and the unit they belong to where the plan says.
    """

    name: Text = Field(description="名称，照方案原文，如 税务局办公室")
    count: Count = Field(description="间数")
    owner: Slug | None = Field(default=None, description="所属单位的 id（方案写明时）")


class WindowsFile(Model):
    """data/windows.yaml：单位、窗口、自助服务区、办公室。"""

    totals: Totals = Field(description="方案明确给出的总数")
    units: list[Unit] = Field(description="单位")
    groups: list[Group] = Field(default=[], description="单位组")
    windows: list[Window] = Field(description="窗口类别")
    self_service_areas: list[SelfServiceArea] = Field(default=[], description="自助服务区")
    offices: list[Office] = Field(default=[], description="新增办公室")


# tasks.yaml -----------------------------------------------------------------------------


class Status(StrEnum):
    """Where one responsible unit stands on one task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


class Progress(Model):
    """一个责任单位在一项任务上的进度。

    One responsible unit's progress on a task.
    """

    unit: Slug = Field(description="责任单位的 id")
    status: Annotated[Status, BY_VALUE] = Field(
        description="not_started 未开始、in_progress 进行中、done 已完成、blocked 受阻"
    )
    done_on: Date | None = Field(
        default=None, description="完成日期，如 2020-06-04；status 为 done 时必填"
    )
    evidence: Text | None = Field(default=None, description="佐证，如 备案表已报行政服务中心")
    note: Text | None = Field(default=None, description="备注")

    @model_validator(mode="after")
    def _done_has_date(self) -> Progress:
        if self.status is Status.DONE and self.done_on is None:
            raise ValueError("done-without-date")
        if self.status is not Status.DONE and self.done_on is not None:
            raise ValueError("date-without-done")
        return self


class Plan(Model):
    """方案本身：文号、标题、发文单位、日期。"""

    number: Text = Field(description="文号")
    title: Text = Field(description="标题")
    issuer: Text = Field(description="发文单位")
    issued_on: Date = Field(description="印发日期")


class Tracked(Model):
    """Anything with a deadline, responsible units (unit or group ids) and their progress."""

    number: Count = Field(description="序号，按方案顺序")
    title: Text = Field(description="简短标题，取自方案原文")
    deliverable: Text = Field(description="要交付的成果，照方案原文")
    responsible: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="责任单位或单位组的 id"
    )
    deadline: Date = Field(description="完成时限，如 2020-06-05")
    progress: list[Progress] = Field(default=[], description="各责任单位的进度，每个单位一条")


class Task(Tracked):
    """重点工作任务：责任单位、完成时限和各单位的进度。

    `deadline_for` marks the task whose deadline the staffing rules use: `staffing`
    (staff in post) or `training` (staff trained).
    """

    deadline_for: Literal["staffing", "training"] | None = Field(
        default=None,
        description="staffing：人员到岗期限；training：培训期限（供 check-staffing 使用）",
    )


class Goal(Tracked):
    """年度目标：像任务一样跟踪，另记豁免的事项。"""

    exceptions: Text | None = Field(default=None, description="不在目标之内的事项")


class TasksFile(Model):
    """data/tasks.yaml：方案信息、重点工作任务、年度目标。"""

    plan: Plan = Field(description="方案本身")
    tasks: list[Task] = Field(description="重点工作任务")
    goals: list[Goal] = Field(default=[], description="年度目标")


# staff.yaml -----------------------------------------------------------------------------


class StaffRole(StrEnum):
    """A person's role at the window."""

    CHIEF = "chief"
    STAFF = "staff"
    REVIEWER = "reviewer"


class StaffMember(Model):
    """一人在一类窗口为一个单位的一段派驻。只记姓名，不记身份证号、电话。

    One posting of one person to one window category for one unit. `until` is the last
    day in post. A change of person names the predecessor in `replaces` (name or staff
    number) and the centre's prior approval in `approved_by_centre` (the date it was
    given, or true when the date is not known).
    """

    name: Text = Field(description="姓名")
    staff_no: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=32)] | None
    ) = Field(default=None, description="工号；同名的人用它区分")
    unit: Slug = Field(description="派驻单位的 id")
    window: Slug = Field(description="窗口类别的 id")
    role: Annotated[StaffRole, BY_VALUE] = Field(
        description="chief 首席代表、staff 工作人员、reviewer 审核人员"
    )
    since: Date = Field(description="到岗日期")
    until: Date | None = Field(default=None, description="离岗日期（当天仍在岗）")
    trained_on: Date | None = Field(default=None, description="业务和礼仪培训日期")
    replaces: Text | None = Field(default=None, description="接替的人（姓名或工号）")
    approved_by_centre: Date | bool | None = Field(
        default=None, description="换人时行政服务中心事先同意的日期（日期不详时写 true）"
    )

    def in_post(self, day: dt.date) -> bool:
        """Whether this posting covers `day`."""
        return self.since <= day and (self.until is None or day <= self.until)


class StaffFile(Model):
    """data/staff.yaml：窗口人员名册。"""

    staff: list[StaffMember] = Field(default=[], description="窗口人员")


WINDOWS, TASKS, STAFF = "windows.yaml", "tasks.yaml", "staff.yaml"
FILE_MODELS: dict[str, type[Model]] = {WINDOWS: WindowsFile, TASKS: TasksFile, STAFF: StaffFile}
"""The data files of a data set and the model each must match."""
