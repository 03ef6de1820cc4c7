"""The 报送 loop: forms, collect, notices (T)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    # 报送: hsreform forms, collect, notices ---------------------------------------------
    "help.forms": (
        "为每个责任单位生成报送表（Excel）：按 --as-of 当天的数据预先填好任务进度、要求、窗口人员"
        "和事项清单，单位填好后交回，用 collect 录入。",
        "Write a progress return form (Excel) for each responsible unit, pre-filled with the "
        "data on --as-of: progress, requirements, window staff and items; units fill it in and "
        "send it back for collect",
    ),
    "help.forms_output": ("报送表写到这个目录", "Write the forms into this folder"),
    "help.forms_unit": (
        "只给这个单位（id、名称或别称；可重复）",
        "Only for this unit (id, name or alias; repeatable)",
    ),
    "form.title": ("{unit}报送表（{day}）", "{unit} progress return ({day})"),
    "form.invalid_cell": (
        "“{column}”这一列请从下拉列表中选择，或填写日期（如 2020-06-15）",
        "Choose from the list in '{column}', or enter a date (such as 2020-06-15)",
    ),
    "form.guide_unit": ("填报单位：{unit}", "Unit: {unit}"),
    "form.guide_day": (
        "统计日：{day}。表中预先填好的是截至这一天的情况（{plan}）。",
        "As of: {day}. What is filled in is the state on that day ({plan}).",
    ),
    "form.guide_return": (
        "填好后请保存为 .xlsx（文件名不用改：{file}），报送{centre}。",
        "Save it as .xlsx (keep the name {file}) and send it back to {centre}.",
    ),
    "form.guide_progress": (
        "任务进度：每行是本单位负责的一项任务、年度目标或保障职责。请在“状态”中选择 "
        "未开始/进行中/已完成/受阻，在“日期”中填这个状态开始的日期（已完成填完成日期）；"
        "受阻请在“备注”中写明原因；“佐证”写可以查证的材料。",
        "任务进度: one row per task, goal or duty of the unit. Choose 状态 and enter in 日期 the "
        "day that state began (the day it was done); say why in 备注 when blocked; 佐证 names "
        "the evidence.",
    ),
    "form.guide_requirements": (
        "要求：每行是一项任务对本单位提出的一项要求。满足了请在“已满足”中选“是”，并填写满足日期。",
        "要求: one row per requirement that applies to the unit. Choose 是 in 已满足 and enter "
        "the day it was met.",
    ),
    "form.guide_staff": (
        "窗口人员：统计日在岗的本单位派驻人员。受训后填受训日期；离岗填离岗日期和中心同意日期"
        "（变动须事先征得行政服务中心同意）；新到岗的人员写在下面的空行里：工号、姓名、窗口、角色、"
        "到岗日期，必要时写中心同意日期。",
        "窗口人员: the unit's people in post. Enter 受训日期 once trained; 离岗日期 with the "
        "centre's consent (中心同意日期) for someone leaving; newcomers go in the blank rows.",
    ),
    "form.guide_items": (
        "事项清单：本单位的政务服务事项，列名与 items import 读取的相同。可以改进驻状态、时限等；"
        "新事项写在下面的空行里。",
        "事项清单: the unit's items, with the headers items import reads; new items go in the "
        "blank rows.",
    ),
    "form.guide_locked": (
        "灰色的格子（编号、名称、截止日期、工号、姓名、事项名称等）不能修改；表中的行可以排序，"
        "列可以拉宽。",
        "Grey cells (ids, names, deadlines) cannot be changed; rows may be sorted and columns "
        "widened.",
    ),
    "form.guide_rows": (
        "请不要删除或改名工作表，也不要改动“编号”。",
        "Do not delete or rename sheets, and do not change 编号.",
    ),
    "forms.written": (
        "已写出 {n} 份报送表到 {dir}",
        "Wrote {n} return form{n_s} to {dir}",
    ),
    "forms.none": ("没有要生成报送表的单位", "No unit to write a form for"),
    "forms.output_not_dir": (
        "{path} 不是目录；--output 要给一个目录",
        "{path} is not a folder; --output takes a folder",
    ),
    "action.forms": ("生成报送表", "write forms"),
    "help.collect": (
        "录入单位交回的报送表：与报送表生成时的数据比对，把单位填写的变化按填写的日期记入数据"
        "（每个文件一步，可以 undo）；数据在此期间也改过的行列为冲突，不录入。",
        "Record the returned forms: each change the unit made since the form, dated as the unit "
        "dated it (one undo step per file); rows the data changed meanwhile are listed as "
        "conflicts and not recorded",
    ),
    "help.collect_files": ("交回的报送表（.xlsx）", "Returned forms (.xlsx)"),
    "help.collect_dry_run": (
        "只显示将要录入的内容，不写入",
        "Show what would be recorded; write nothing",
    ),
    "action.collect": ("录入报送表", "collect"),
    "help.notices": (
        "给 --as-of 当天有逾期或受阻事项的单位各写一份督办通知（默认 Word，也可 Markdown、HTML）："
        "每项的完成时限、逾期天数和未满足的要求；落款日期和盖章处留空。",
        "Write a 督办通知 (Word by default; Markdown or HTML too) to each unit with overdue or "
        "blocked obligations on --as-of: each one's deadline, days late and missing "
        "requirements; the date and seal lines left blank",
    ),
    "help.notices_output": ("督办通知写到这个目录", "Write the notices into this folder"),
    "help.notices_format": ("docx、markdown 或 html", "docx, markdown or html"),
    "action.notices": ("写督办通知", "write notices"),
    "notices.written": (
        "已写出 {n} 份督办通知到 {dir}：{units}",
        "Wrote {n} notice{n_s} to {dir}: {units}",
    ),
    "notices.none": (
        "{day} 没有逾期或受阻的单位，没有写督办通知",
        "No unit is overdue or blocked on {day}; no notice written",
    ),
    "collect.not_a_form": (
        "{path} 不是 hsreform 生成的报送表（没有隐藏的 hsreform 工作表），不予录入",
        "{path} is not a form hsreform wrote (no hidden hsreform sheet); not collected",
    ),
    "collect.version": (
        "{path} 是第 {found} 版报送表，本程序只读第 {version} 版；请重新生成报送表",
        "{path} is a form of version {found}; this hsreform reads version {version}",
    ),
    "collect.other_dataset": (
        "{path} 是为另一套数据生成的报送表，不予录入",
        "{path} was made for another data set; not collected",
    ),
    "collect.unknown_unit": (
        "{path} 的单位“{unit}”不在数据中，不予录入",
        "{path} is for unit '{unit}', which the data does not know; not collected",
    ),
    "collect.sheet_missing": (
        "{path} 缺少工作表“{sheet}”，不予录入",
        "{path} lacks the sheet '{sheet}'; not collected",
    ),
    "collect.header": (
        "{path}:{sheet}:1：缺少列 {headers}，不予录入",
        "{path}:{sheet}:1: columns {headers} are missing; not collected",
    ),
    "collect.edited_id": (
        "{place}：编号“{value}”不是报送表原有的（编号被改动或重复），整个文件不予录入",
        "{place}: 编号 '{value}' is not one the form wrote (edited or repeated); the file is "
        "not collected",
    ),
    "collect.bad_date": (
        "“{column}”不是日期：{value}（请写成 2020-06-15）",
        "'{column}' is not a date: {value} (write 2020-06-15)",
    ),
    "collect.unmeet": (
        "“{column}”只能由“否”改为“是”；已满足的要求不能在报送表中取消",
        "'{column}' can only go from 否 to 是; a met requirement is not withdrawn on a form",
    ),
    "collect.date_needed": ("要填写“{column}”", "'{column}' must be filled in"),
    "collect.bad_choice": (
        "“{column}”不能是“{value}”，请从下拉列表中选择",
        "'{column}' cannot be '{value}'; choose from the list",
    ),
    "collect.not_back": ("“{column}”不能改回“未开始”", "'{column}' cannot go back to 未开始"),
    "collect.block_note": (
        "状态为“受阻”时要在“{column}”中写明原因",
        "Say why in '{column}' when blocked",
    ),
    "collect.refused": ("{reason}", "{reason}"),
    "collect.required": ("新增人员要填写“{column}”", "A newcomer needs '{column}'"),
    "collect.only_blank": (
        "“{column}”只能填写原来空着的日期；更正已有的日期请用 hsreform staff 命令",
        "'{column}' can only fill in a blank; correct a recorded day with hsreform staff",
    ),
    "collect.note_without_state": (
        "还没有进度记录，只写“{column}”无法录入；请同时选择状态",
        "No progress recorded yet: '{column}' alone cannot be recorded; choose a state too",
    ),
    "collect.met_on": (
        "{kind} {number}，{unit}：按报送表的日期记下满足要求 {labels}",
        "{kind} {number} {unit}: requirements {labels} met on the days the form gives",
    ),
    "collect.notes": (
        "{kind} {number}，{unit}：佐证“{evidence}”，备注“{note}”",
        "{kind} {number} {unit}: evidence '{evidence}', note '{note}'",
    ),
    "collect.unit": (
        "{unit}（{path}，{day} 的报送表）：",
        "{unit} ({path}, form of {day}):",
    ),
    "collect.conflict": (
        "  冲突 {path}:{sheet}:{row} {id} “{column}”：数据为“{data}”，报送表为“{returned}”；未录入",
        "  conflict {path}:{sheet}:{row} {id} '{column}': the data says '{data}', the form "
        "'{returned}'; not recorded",
    ),
    "collect.bad": ("  {line}", "  {line}"),
    "collect.already": (
        "  {n} 行所填的内容数据中已有，无需录入",
        "  {n} row{n_s} already in the data; nothing to record",
    ),
    "collect.nothing": ("  没有要录入的变化", "  Nothing to record"),
    "collect.bad_cells": (
        "{path} 有 {n} 处无法录入（见上），整个文件未录入；改正后重新录入，或用 --skip-bad 跳过这些行",
        "{path} has {n} row{n_s} that cannot be recorded (above); nothing of it was recorded. "
        "Correct them, or leave them out with --skip-bad",
    ),
    "collect.failed": ("{n} 个文件未能录入", "{n} file{n_s} could not be collected"),
}
