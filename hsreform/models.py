"""The plan's data as pydantic models: the shape of windows.yaml, tasks.yaml and staff.yaml.

No I/O here. Models are strict (a quoted "8" is not a count, a string is not a date) and
refuse keys they do not know, so that nothing unplanned (an ID-card number, a phone number)
slips into the data. Class docstrings open with a Chinese line and field descriptions are
Chinese: they become the JSON Schema that editors show to the people editing the data.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    model_validator,
)

from hsreform import records
from hsreform.records import (
    ITEMS,
    REQUIRED_FILES,
    STAFF,
    TASKS,
    WINDOWS,
    CatalogueRule,
    Charges,
    DeadlineFor,
    ItemKind,
    ItemStatus,
    PublicElement,
    QuotaRole,
    StaffRole,
    Status,
    UnitKind,
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


def _new_list() -> list[Any]:
    """An empty list, as `default_factory=list` gives. pydantic reads each factory's
    signature, and the builtin's is parsed from text with `tokenize` (~8 ms a run)."""
    return []


def _new_dict() -> dict[Any, Any]:
    """An empty dict, as `default_factory=dict` gives (see `_new_list`)."""
    return {}


class Model(BaseModel):
    """Strict, closed, immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def record_of(model: type[BaseModel]) -> type[records.Record]:
    """The record the program holds for a model: the one of the same name."""
    record: type[records.Record] = getattr(records, model.__name__)
    return record


def to_record(value: Any) -> Any:
    """A validated model as the record the program holds (`records`), lists and mappings
    of them too; any other value as it is."""
    if isinstance(value, BaseModel):
        return record_of(type(value)).make({name: to_record(item) for name, item in value})
    if isinstance(value, list):
        return [to_record(item) for item in value]
    if isinstance(value, dict):
        return {key: to_record(item) for key, item in value.items()}
    return value


def _fields_fit_together(model: Model) -> Model:
    """The model validator of the models whose fields depend on each other: the record's
    `fault`, so that pydantic and `records.build` apply one rule."""
    fault = record_of(type(model)).make(dict(model)).fault()
    if fault is not None:
        raise ValueError(fault)
    return model


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
    aliases: list[Text] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="别称，如 县税务局；--unit 也认别称",
    )
    generic: bool = Field(default=False, description="方案只给出泛称、没有具体名称时为 true")
    count: Count = Field(default=1, description="泛称代表几个单位（如三家进驻银行为 3）")


class Group(Model):
    """单位组：任务引用的一组单位，如 县人民政府各部门。

    A named set of units that tasks refer to. `declared` is how many members the plan
    says there are, when it says so.
    """

    id: Slug = Field(description="英文 id")
    name: Text = Field(description="中文名称")
    members: list[Slug] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="成员单位的 id"
    )
    declared: Count | None = Field(
        default=None, description="方案所称的成员数（如综合窗口的 18 个单位）"
    )
    complete: bool = Field(
        default=True,
        description="方案没有逐一列出成员、这里只收录了已知的一部分时为 false（validate 会提示）",
    )


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
    serves: list[Slug] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="代为受理转办其事项的单位或单位组",
    )


class SelfServiceArea(Model):
    """自助服务区及其服务终端。

    A self-service area of the hall, and the terminals it is equipped with.
    """

    id: Slug = Field(description="英文 id")
    name: Text = Field(description="名称，照方案原文")
    open_24h: bool = Field(default=False, description="24 小时自助服务区为 true")
    terminals: list[Text] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="配备的服务终端"
    )


class Office(Model):
    """新增办公室：用途、间数，以及方案写明时的所属单位。

    New rooms by purpose, and the unit they belong to where the plan says.
    """

    name: Text = Field(description="名称，照方案原文，如 税务局办公室")
    count: Count = Field(description="间数")
    owner: Slug | None = Field(default=None, description="所属单位的 id（方案写明时）")


class ChiefRule(Model):
    """首席代表制的读法：哪些派驻单位要有首席代表、各几名。

    The plan says only 窗口实行首席代表制 (四); who must have a chief representative and
    how many is this data's reading, which a county can change: `per_unit` for every
    dispatching unit (one with a quota), times `count` for an entry standing for several
    units when `by_count` is true, and `units` overriding the number for named units.
    """

    per_unit: Annotated[int, Field(ge=0, le=100)] = Field(
        default=1, description="每个派驻单位（有配额的单位）在岗首席代表的人数"
    )
    by_count: bool = Field(
        default=True, description="泛称条目代表几个单位（count）就乘以几，如三家进驻银行各 1 名"
    )
    units: dict[Slug, Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=_new_dict,
        json_schema_extra={"default": {}},
        description="个别单位的人数（覆盖上面的读法），如 centre: 0",
    )


class WindowsFile(Model):
    """data/windows.yaml：单位、窗口、自助服务区、办公室。"""

    totals: Totals = Field(description="方案明确给出的总数")
    units: list[Unit] = Field(description="单位")
    groups: list[Group] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="单位组"
    )
    windows: list[Window] = Field(description="窗口类别")
    self_service_areas: list[SelfServiceArea] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="自助服务区"
    )
    offices: list[Office] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="新增办公室"
    )
    chief_representatives: ChiefRule | None = Field(
        default=None, description="首席代表制的读法（方案：窗口实行首席代表制）"
    )


# tasks.yaml -----------------------------------------------------------------------------


class Requirement(Model):
    """一项要求：方案对这项任务提出的一件具体的事，照原文写全。

    One thing the plan asks for under a task, in the plan's own words. A unit's progress
    ticks it off under `met`; the unit is done only when every requirement is met.
    """

    id: Slug = Field(description="英文 id，如 sign-letter；进度的 met 用它打勾")
    label: Text = Field(description="简称，在 status --task 的表里显示，如 签订授权书")
    text: Text = Field(description="方案原文，一字不省")
    applies_to: list[Slug] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="只对哪些责任单位或单位组提出（方案分了工时写）；不写则对全部责任单位",
    )


class DatedState(Model):
    """一个带日期的状态：从哪天起是这样。

    A state and the day it began: `done_on` for done, `since` for every other state.
    Exempt needs a `reason` (the plan's own exception it relies on).
    """

    status: Annotated[Status, BY_VALUE] = Field(
        description="not_started 未开始、in_progress 进行中、done 已完成、blocked 受阻、exempt 豁免"
    )
    since: Date | None = Field(
        default=None,
        description="这个状态从哪天开始，如 2020-06-02；in_progress、blocked、exempt 必填，done 用 done_on",
    )
    done_on: Date | None = Field(
        default=None, description="完成日期，如 2020-06-04；status 为 done 时必填"
    )
    reason: Text | None = Field(
        default=None,
        description="豁免的理由（status 为 exempt 时必填），如 取水许可对场地有特殊要求",
    )
    evidence: Text | None = Field(default=None, description="佐证，如 备案表已报行政服务中心")
    note: Text | None = Field(default=None, description="备注")

    _fits = model_validator(mode="after")(_fields_fit_together)


class PastState(DatedState):
    """历史中的一个状态：被后来的状态取代之前的样子，必须带日期。"""


class Progress(DatedState):
    """一个责任单位在一项任务上的进度：当前状态及其日期，满足了哪些要求，以前的状态。

    One responsible unit's progress on a task: the current state and the day it began,
    the requirements met (each with the day it was met), and the earlier states, oldest
    first, so that a report for a past day shows what was known that day.
    """

    unit: Slug = Field(description="责任单位的 id")
    met: dict[Slug, Date] = Field(
        default_factory=_new_dict,
        json_schema_extra={"default": {}},
        description="已满足的要求：要求的 id 及满足的日期，如 {sign-letter: 2020-06-03}",
    )
    history: list[PastState] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="以前的状态（由早到晚），每条带日期；改状态时把旧状态移到这里",
    )


class Plan(Model):
    """方案本身：文号、标题、发文单位、日期。"""

    number: Text = Field(description="文号")
    title: Text = Field(description="标题")
    issuer: Text = Field(description="发文单位")
    issued_on: Date = Field(description="印发日期")


class Tracked(Model):
    """Anything with responsible units (unit or group ids), requirements and their progress."""

    number: Count = Field(description="序号，按方案顺序")
    title: Text = Field(description="简短标题，取自方案原文")
    deliverable: Text = Field(description="要交付的成果：一句话的概括，取自方案原文")
    requirements: list[Requirement] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="方案提出的各项要求，照原文写全；单位满足全部要求才算完成",
    )
    exceptions: Text | None = Field(
        default=None, description="方案允许的例外（可以豁免的情形），如 对场地有特殊要求的事项"
    )
    catalogue: Annotated[CatalogueRule, BY_VALUE] | None = Field(
        default=None,
        description="与事项清单（items.yaml）的关系：sorting 单位完成时应已梳理出事项（任务一）；"
        "authorization 单位完成时应已签订授权书（任务二）；in-hall 单位的进度由事项清单推算"
        "（年度目标“应进必进”）",
    )
    responsible: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="责任单位或单位组的 id"
    )
    deadline: Date | None = Field(default=None, description="完成时限，如 2020-06-05")
    progress: list[Progress] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="各责任单位的进度，每个单位一条",
    )


class Task(Tracked):
    """重点工作任务：责任单位、完成时限、要求和各单位的进度。

    `deadline_for` marks the task whose deadline the staffing rules use: `staffing`
    (staff in post) or `training` (staff trained). `charges` is a reading of the plan's
    words that narrows whom the task holds to account among its responsible units:
    `units-with-quota`, only those with a quota at some window (task 4, 各单位根据事项办理需求).
    """

    deadline: Date = Field(description="完成时限，如 2020-06-05")
    deadline_for: DeadlineFor | None = Field(
        default=None,
        description="staffing：人员到岗期限；training：培训期限（供 check-staffing 使用）",
    )
    charges: Charges | None = Field(
        default=None,
        description="本数据的读法：units-with-quota 只计在窗口有人员配额的责任单位"
        "（任务四“各单位根据事项办理需求”选派）；不写则计全部责任单位",
    )


class Goal(Tracked):
    """年度目标：像任务一样跟踪；exceptions 写方案允许的例外。"""

    deadline: Date = Field(description="完成时限，如 2020-12-31")


class Duty(Tracked):
    """保障职责（六、工作要求（二））：像任务一样跟踪，但方案没有给期限。

    A support duty. The plan gives it no deadline; `deadline_from` borrows a task's
    deadline only where the data says so (and status shows whose it is).
    """

    deadline_from: Count | None = Field(
        default=None,
        description="借用第几项任务的完成时限（方案没有给出期限；只在能从原文推出时才写）",
    )


class TasksFile(Model):
    """data/tasks.yaml：方案信息、重点工作任务、年度目标、保障职责。"""

    plan: Plan = Field(description="方案本身")
    tasks: list[Task] = Field(description="重点工作任务")
    goals: list[Goal] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="年度目标"
    )
    duties: list[Duty] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="保障职责（六、工作要求（二））",
    )


# staff.yaml -----------------------------------------------------------------------------


class StaffMember(Model):
    """一人在一类窗口为一个单位的一段派驻。只记姓名，不记身份证号、电话。

    One posting of one person to one window category for one unit. `until` is the last
    day in post. Every change needs the centre's consent in advance (四、“如遇特殊情况确需
    变动，派出单位应事先征得行政服务中心同意”): a change of person names the predecessor in
    `replaces` (name or staff number) and the consent in `approved_by_centre` (the date it
    was given, or true when the date is not known); so does the new posting of a person who
    moves, or who joins after the initial posting with the centre's consent; a departure
    no successor takes up records its consent in `leave_approved_by_centre`.
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
        default=None,
        description="换人、调岗或到岗期限后新到岗时行政服务中心事先同意的日期（日期不详时写 true）",
    )
    leave_approved_by_centre: Date | bool | None = Field(
        default=None,
        description="离岗（没有人接替、也不是调岗）时行政服务中心事先同意的日期（日期不详时写 true）",
    )


class StaffFile(Model):
    """data/staff.yaml：窗口人员名册。"""

    staff: list[StaffMember] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="窗口人员"
    )


# items.yaml -----------------------------------------------------------------------------


Days = Annotated[int, Field(ge=0, le=3650)]
"""A time limit in working days; 0 for 即办 (done on the spot)."""
Number = Annotated[int, Field(ge=0, le=10_000)]
ItemCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class ItemState(Model):
    """事项的一个带日期的状态：从哪天起是这样。

    A state of an item and the day it began. `reason` says why an item is exempt (the
    plan's only exception: 对场地有特殊要求的事项) or does not enter the hall.
    """

    status: Annotated[ItemStatus, BY_VALUE] = Field(
        description="listed 已梳理、尚未进驻；in_hall 已进驻大厅办理；exempt 豁免（对场地有特殊要求）；"
        "not_entering 不进驻（仍算作应进未进）"
    )
    since: Date = Field(description="这个状态从哪天开始，如 2020-06-03")
    reason: Text | None = Field(
        default=None,
        description="豁免或不进驻的理由（exempt 必填），如 取水许可现场核查需要特殊场地",
    )
    note: Text | None = Field(default=None, description="备注")

    _fits = model_validator(mode="after")(_fields_fit_together)


class Streamlining(Model):
    """精简：哪天精简的，精简前的环节数、要件数、承诺时限（精简后的是事项本身的 steps 等）。

    The day an item was streamlined (task 7) and its figures before; the figures after are
    the item's own `steps`, `documents` and `promised_days`.
    """

    on: Date = Field(description="精简的日期")
    steps: Number | None = Field(default=None, description="精简前的办理环节数")
    documents: Number | None = Field(default=None, description="精简前的申请要件（材料）数")
    promised_days: Days | None = Field(default=None, description="精简前的承诺办结时限（工作日）")


class Item(ItemState):
    """政务服务事项：事项目录的通用要素，加上本方案关心的进驻、网办、公开、精简情况。

    One government service item: the elements item catalogues use everywhere (name, code,
    kind, implementing body, legal basis, time limits, fees), the window that handles it,
    its dated state against 应进必进 with earlier states in `history`, the day it could be
    done online, what of it was made public and when, and its streamlining. Whether the
    window is authorized for it follows from the signed letters (`letters`).
    """

    name: Text = Field(description="事项名称，照事项目录原文")
    code: ItemCode | None = Field(default=None, description="事项编码（有则填；全清单中不能重复）")
    kind: Annotated[ItemKind, BY_VALUE] | None = Field(
        default=None,
        description="事项类型：licensing 行政许可、confirmation 行政确认、adjudication 行政裁决、"
        "payment 行政给付、reward 行政奖励、filing 行政备案、other_power 其他行政权力、"
        "public_service 公共服务、convenience 便民服务",
    )
    authority: Text | None = Field(default=None, description="实施机关，照事项目录原文")
    basis: Text | None = Field(default=None, description="设定依据")
    legal_days: Days | None = Field(default=None, description="法定办结时限（工作日；即办写 0）")
    promised_days: Days | None = Field(default=None, description="承诺办结时限（工作日；即办写 0）")
    charged: bool | None = Field(default=None, description="是否收费")
    fee_standard: Text | None = Field(default=None, description="收费标准")
    window: Slug | None = Field(default=None, description="办理窗口：窗口类别的 id，如 tax")
    online: Date | None = Field(
        default=None, description="纳入平台、可以网上办理（一网通办）的日期"
    )
    public: dict[PublicElement, Date] = Field(
        default_factory=_new_dict,
        json_schema_extra={"default": {}},
        description="已公开的信息及公开日期：basis 办理依据、procedure 办理程序、time_limit 办理时限、"
        "fees 收费标准、supervision 监督渠道，如 {basis: 2020-06-15}",
    )
    steps: Number | None = Field(default=None, description="办理环节数（现在的）")
    documents: Number | None = Field(default=None, description="申请要件（材料）数（现在的）")
    streamlined: Streamlining | None = Field(
        default=None, description="精简的日期和精简前的环节数、要件数、承诺时限"
    )
    history: list[ItemState] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="以前的状态（由早到晚），每条带日期；改状态时把旧状态移到这里",
    )


class Catalogue(Model):
    """一个单位的事项清单。

    One unit's items, as it sorted them (task 1) from the items published on 新疆政务服务网.
    """

    unit: Slug = Field(description="单位的 id")
    items: list[Item] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="事项"
    )


class Letter(Model):
    """现场审批服务授权书：单位委托行政服务中心某窗口受理的事项，何时由谁签署。

    An authorization letter (the plan's attachment): the unit entrusts one window of the
    centre with the items listed. Unsigned (no `signed_on`) it is a draft.
    """

    unit: Slug = Field(description="授权单位的 id")
    window: Slug = Field(description="受委托窗口类别的 id")
    items: Annotated[list[Text], Field(min_length=1)] = Field(
        description="委托办理的事项：本单位事项清单中的事项名称或事项编码"
    )
    signed_on: Date | None = Field(default=None, description="签署日期；未签署的授权书不写")
    signed_by: Text | None = Field(
        default=None, description="签署人的职务（如 单位主要领导），不写姓名、身份证号"
    )
    issuer: Text | None = Field(
        default=None, description="授权书标题中的单位全称，如 和硕县税务局；不写时用单位名称"
    )
    note: Text | None = Field(default=None, description="备注")


class ItemsFile(Model):
    """data/items.yaml：各单位的事项清单和授权书（可选的文件）。"""

    catalogues: list[Catalogue] = Field(
        default_factory=_new_list, json_schema_extra={"default": []}, description="各单位的事项清单"
    )
    letters: list[Letter] = Field(
        default_factory=_new_list,
        json_schema_extra={"default": []},
        description="现场审批服务授权书",
    )


ALL_FILE_MODELS: dict[str, type[Model]] = {
    WINDOWS: WindowsFile,
    TASKS: TasksFile,
    STAFF: StaffFile,
    ITEMS: ItemsFile,
}
"""Every data file a data set can hold, and the model it must match."""
FILE_MODELS = {name: ALL_FILE_MODELS[name] for name in REQUIRED_FILES}
"""The data files every data set has, and their models."""
