"""Edits: task, goal, duty, staff, log, undo (T)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
    # editing: task / goal / duty / staff, log, undo (hsreform/edit/) -----------------------
    "help.task_app": (
        "记录重点工作任务的进度：完成、开始、受阻、豁免、重新打开、满足要求；show 列出各单位的进度。任务可写序号（6、六、第六项），单位可写名称、别称或全称。",
        "Record progress on the plan's tasks: done, start, block, exempt, reopen, meet; show lists each unit's progress.",
    ),
    "help.goal_app": (
        "记录年度目标的进度（命令同 task）。",
        "Record progress on the year-end goal (the same commands as task).",
    ),
    "help.duty_app": (
        "记录保障职责（六、工作要求（二））的进度（命令同 task）。",
        "Record progress on the support duties of section 6 (2) (the same commands as task).",
    ),
    "help.staff_app": (
        "修改窗口人员名册：到岗、离岗、受训、换人、调换窗口，以及事后补记工号等（set）。人员可写姓名或工号，同名的写成 王芳（社保窗口）。",
        "Change the window roster: add, leave, train, replace, move.",
    ),
    "help.edit_done": (
        "记为已完成（完成日期为 --on 的日期），并把适用于该单位、尚未满足的要求记为当天满足；原来的状态连同日期移入历史记录。",
        "Mark done on --on, recording every requirement that applies to the unit and is still open as met that day; the earlier state moves to history with its date.",
    ),
    "help.edit_start": ("记为进行中（从 --on 起）。", "Mark in progress from --on."),
    "help.edit_block": (
        "记为受阻（从 --on 起），--note 写明原因。",
        "Mark blocked from --on; --note says why.",
    ),
    "help.edit_exempt": (
        "记为豁免（从 --on 起），--reason 写明依据方案的哪项例外。",
        "Mark exempt from --on; --reason names the plan's exception it relies on.",
    ),
    "help.edit_reopen": (
        "把已完成或豁免改回进行中（从 --on 起），原来的状态留在历史记录中。",
        "Turn done or exempt back into in progress from --on; the earlier state stays in history.",
    ),
    "help.edit_meet": (
        "把要求（序号如 3 或 3-6、简称或 id）记为在 --on 满足；不改变状态（还没有进度的单位记为进行中）。",
        "Record requirements (number such as 3 or 3-6, label or id) as met on --on; the state stays (a unit without progress becomes in progress).",
    ),
    "help.edit_show": (
        "列出各责任单位的进度（同 status --task 序号）。",
        "List each responsible unit's progress (as status --task N).",
    ),
    "help.number": ("第几项，如 6、六 或 第六项。", "Which one: its number, e.g. 6."),
    "help.units": (
        "责任单位：id、名称、别称或全称；单位组要加 --all。",
        "Responsible units: id, name, alias or full name; a group needs --all.",
    ),
    "help.unit_one": (
        "责任单位：id、名称、别称或全称；单位组要加 --all。",
        "Responsible unit: id, name, alias or full name; a group needs --all.",
    ),
    "help.requirements": (
        "要满足的要求：序号（3、三、第三项；3-6 是 3 到 6，表格里的“缺2,4-7”照抄也行）、简称或 id。",
        "Requirements met: number (3; 3-6 for 3 to 6; a table's 缺2,4-7 as it is), label or id.",
    ),
    "help.on": (
        "哪天发生的，默认为 --as-of（今天）。",
        "The day it happened; defaults to --as-of (today).",
    ),
    "help.on_required": ("哪天发生的。", "The day it happens."),
    "help.all": (
        "允许用单位组代表其中的全部责任单位（已是该状态的单位跳过）。",
        "Let a group stand for all its responsible units (units already in that state are skipped).",
    ),
    "help.evidence": ("佐证，如 备案表已报行政服务中心。", "Evidence, e.g. the filing form."),
    "help.note": ("备注；block 必填，写明受阻的原因。", "A note; block needs one: why."),
    "help.reason": (
        "豁免的理由；exempt 必填，只用于 exempt。",
        "Why the unit is exempt; exempt only, and needed.",
    ),
    "help.edit_dry_run": (
        "只显示会做的改动（统一差异格式），不写任何文件。",
        "Only show the change as a unified diff; write nothing.",
    ),
    "help.wait": (
        "数据目录被另一个修改占用时，最多等待的秒数。",
        "Seconds to wait when another edit holds the data folder.",
    ),
    "help.staff_add": (
        "把一个人登记到某窗口（为某单位派驻，从 --since 起）。",
        "Post a person at a window for a unit from --since.",
    ),
    "help.staff_leave": (
        "某人在 --on 离岗（当天仍在岗），记下离岗日期和行政服务中心事先同意的日期。",
        "A person leaves on --on (the last day in post): until is set, with the centre's prior approval.",
    ),
    "help.staff_train": (
        "记下受训日期。",
        "Record the training day (trained_on).",
    ),
    "help.staff_replace": (
        "换人：原来的人到 --on 前一天离岗（已经离岗的，离岗日期不变），新的人从 --on 起接替，"
        "并记下行政服务中心事先同意的日期。",
        "Replace a person: the old posting ends the day before --on (one that has ended already "
        "stays as it is), the new one starts on --on with replaces and the centre's prior approval.",
    ),
    "help.staff_move": (
        "调换窗口：原来的派驻到 --on 前一天结束，从 --on 起在新窗口，记下行政服务中心同意的日期。",
        "Move a person to another window: the posting ends the day before --on and a new one starts there, with the centre's approval.",
    ),
    "help.staff_set": (
        "事后补记或更正一个人的工号、姓名写法或受训日期（改在这个人的每一条派驻上；这是更正，不是变化，不进历史）。"
        "同名的人照报错里列出的样子写，如“王芳（社保窗口）”。",
        "Give a person a staff number, or correct the spelling of their name or their training day, "
        "after the fact (on each of their postings; a correction, not an event). Name one of "
        "several people of one name as the refusal lists them, e.g. '王芳（社保窗口）'.",
    ),
    "help.set_staff_no": ("新的工号。", "The staff number to give."),
    "help.set_name": ("更正后的姓名。", "The name as it should be written."),
    "help.set_trained_on": ("更正后的受训日期。", "The training day as it should be."),
    "help.person": ("姓名或工号。", "Name or staff number."),
    "help.new_person": ("新来的人的姓名。", "The name of the person who comes."),
    "help.people": ("姓名或工号（可多个）。", "Names or staff numbers."),
    "help.staff_unit": (
        "派驻单位：id、名称、别称或全称。",
        "Dispatching unit: id, name, alias or full name.",
    ),
    "help.window": ("窗口类别：id 或名称。", "Window category: id or name."),
    "help.role": (
        "首席代表 / 工作人员 / 审核人员。",
        "chief / staff / reviewer.",
    ),
    "help.since": ("到岗日期。", "The first day in post."),
    "help.staff_no": (
        "工号；同名的人用它区分。",
        "Staff number; tells apart people with one name.",
    ),
    "help.new_staff_no": ("新的人的工号。", "The new person's staff number."),
    "help.trained_on": ("受训日期。", "The training day."),
    "help.by": ("接替的人的姓名。", "The name of the person who takes over."),
    "help.approved_on": (
        "行政服务中心事先同意的日期。",
        "The day the centre gave its prior approval.",
    ),
    "help.leave_approved_on": (
        "行政服务中心同意离岗的日期（方案：确需变动的，派出单位应事先征得行政服务中心同意）。",
        "The day the centre approved the departure (the plan: every change needs its consent in advance).",
    ),
    "help.join_approved_on": (
        "到岗期限后新到岗时，行政服务中心同意的日期（有了它就不算晚到岗）。",
        "For someone joining after the posting deadline: the day the centre agreed (then it is not a late posting).",
    ),
    "help.log": (
        "列出数据中记下的变化（带日期的状态、满足的要求、人员到岗离岗、受训、换人）：哪天、什么、谁。",
        "List the changes the data records (dated states, requirements met, postings, training, replacements): when, what, who.",
    ),
    "help.log_since": ("只列这一天及以后的变化。", "Only changes on or after this day."),
    "help.undo": (
        "撤销最近一次修改；文件在那之后又被改动过时拒绝并说明原因。",
        "Revert the last edit; refused, saying why, when the files changed since.",
    ),
    "help.undo_dry_run": (
        "只显示撤销会做什么（文件从现在到撤销之后的差异），不写任何文件。",
        "Only show what undoing would do (the diff from now to after the undo); write nothing.",
    ),
    "edit.dry_run": ("（--dry-run：没有写任何文件）", "(--dry-run: nothing written)"),
    "edit.written": ("已写入：{files}", "Written: {files}"),
    "edit.unchanged": ("没有需要改动的。", "Nothing to change."),
    "edit.notice": ("注意：", "Note: "),
    "edit.bundled": (
        "没有指定数据目录：不修改安装包自带的数据；请用 --data 指定要修改的数据目录",
        "No data folder given: the bundled data is not edited; name the folder with --data",
    ),
    "edit.refused": (
        "这次修改会带来上面的错误，没有写任何文件。",
        "The edit would bring the errors above; nothing was written.",
    ),
    "action.edit": ("修改", "edit"),
    "action.log": ("列出变化", "log"),
    "edit.not_writable": (
        "数据目录 {path} 不能写入（{reason}），没有改动任何文件",
        "The data folder {path} cannot be written ({reason}); nothing was changed",
    ),
    "edit.locked": (
        "数据目录 {path} 正被另一个修改占用（进程 {pid}，主机 {host}，命令“{command}”，自 {since} 起），"
        "等了 {seconds} 秒仍未释放；没有改动任何文件，请稍后再试（或用 --wait 多等一会儿）",
        "The data folder {path} is held by another edit (process {pid} on {host}, '{command}', since {since}); "
        "gave up after {seconds} s. Nothing was changed; try again later (or wait longer with --wait)",
    ),
    "edit.write_failed": (
        "无法写入 {path}：{reason}；原来的文件没有改动",
        "Cannot write {path}: {reason}; the files are as they were",
    ),
    "edit.changed_meanwhile": (
        "{path} 在读取之后被别人改动了；为免覆盖别人的修改，没有写入。请重新运行这条命令",
        "{path} was changed by someone else after it was read; not written, so as not to overwrite their change. Run the command again",
    ),
    "edit.group_needs_all": (
        "“{value}”是单位组（{n} 个单位）；要对其中全部责任单位操作请加 --all",
        "'{value}' is a group ({n} units); add --all to act on all its responsible units",
    ),
    "edit.before_plan": (
        "日期 {on} 早于方案印发日期 {issued}",
        "{on} is before the plan was issued ({issued})",
    ),
    "edit.after_as_of": (
        "{option} 的日期 {on} 晚于统计日 {as_of}：修改只记下已经发生的事；到了那天再记，或加上 --as-of {on}",
        "{option} {on} is after the report day {as_of}: edits record what has happened; record it on that day, or add --as-of {on}",
    ),
    "edit.before_current": (
        "{kind} {number}，{unit}：日期 {on} 早于当前状态的日期 {since}；历史记录要由早到晚",
        "{kind} {number}, {unit}: {on} is before the current state's date {since}; history runs oldest first",
    ),
    "edit.undated": (
        "{kind} {number}，{unit}：当前状态没有日期，无法移入历史记录；请先运行 hsreform upgrade-data --since 日期",
        "{kind} {number}, {unit}: the current state has no date and cannot go into history; run hsreform upgrade-data --since DATE first",
    ),
    "edit.refuse_start": (
        "{kind} {number}，{unit}：现在是{was}，不能记为进行中；已完成或豁免的要重新打开请用 reopen",
        "{kind} {number}, {unit}: it is {was}, so it cannot be started; use reopen for done or exempt",
    ),
    "edit.refuse_done": (
        "{kind} {number}，{unit}：已于 {since} 完成",
        "{kind} {number}, {unit}: already done on {since}",
    ),
    "edit.refuse_block": (
        "{kind} {number}，{unit}：现在是{was}，不能记为受阻",
        "{kind} {number}, {unit}: it is {was}, so it cannot be blocked",
    ),
    "edit.refuse_exempt": (
        "{kind} {number}，{unit}：现在是{was}，不能记为豁免",
        "{kind} {number}, {unit}: it is {was}, so it cannot be exempt",
    ),
    "edit.refuse_reopen": (
        "{kind} {number}，{unit}：现在是{was}，没有完成或豁免，无需重新打开",
        "{kind} {number}, {unit}: it is {was}, neither done nor exempt; nothing to reopen",
    ),
    "edit.items_imported": (
        "从 {sheet} 导入事项：新增 {added} 项，修改 {changed} 处",
        "items imported from {sheet}: {added} added, {changed} changes",
    ),
    "edit.state": (
        "{kind} {number}，{unit}：{was} → {new}（{on}）",
        "{kind} {number}, {unit}: {was} → {new} ({on})",
    ),
    "edit.state_met": (
        "{kind} {number}，{unit}：{was} → {new}（{on}），{n} 项要求记为当天满足：{labels}",
        "{kind} {number}, {unit}: {was} → {new} ({on}); {n} requirement{n_s} recorded as met that day: {labels}",
    ),
    "edit.met": (
        "{kind} {number}，{unit}：要求{labels}记为 {on} 满足",
        "{kind} {number}, {unit}: requirements {labels} met on {on}",
    ),
    "edit.met_started": ("（由未开始改为进行中）", " (from not started to in progress)"),
    "edit.met_complete": (
        "；全部要求都已满足，可用 done 记为完成",
        "; every requirement is met now: record it with done",
    ),
    "edit.group": (
        "单位组“{group}”：改动了 {n} 个单位，{skipped} 个已是该状态，跳过",
        "group '{group}': {n} unit{n_s} changed, {skipped} already so and skipped",
    ),
    "edit.no_requirement": (
        "{kind} {number} 没有要求“{value}”（可写序号、简称或 id）。",
        "{kind} {number} has no requirement '{value}' (give its number, short name or id).",
    ),
    "edit.requirement_not_for_unit": (
        "要求“{value}”不是对{unit}提出的（见该要求的适用单位：hsreform list requirements）",
        "requirement '{value}' does not apply to {unit} (see its applies_to)",
    ),
    "edit.already_met": (
        "{unit}的要求“{value}”已于 {date} 满足",
        "{unit} already met '{value}' on {date}",
    ),
    "edit.exempt_not_allowed": (
        "{kind} {number} 的方案原文没有允许例外，不能记为豁免：方案只允许年度目标“除对场地有特殊要求的事项外”，"
        "且按事项豁免（有事项清单的单位在 items.yaml 中把这类事项记为 exempt）",
        "The plan allows no exception for {kind} {number}, so it cannot be exempt: its one "
        "exception is the year-end goal's items needing a special site, item by item (a unit "
        "with a catalogue marks those items exempt in items.yaml)",
    ),
    "edit.by_catalogue": (
        "{kind} {number}，{unit}：这个单位有事项清单，它的“应进必进”进度由清单推算，手工记的状态不会被计入；"
        "请改事项清单：对场地有特殊要求的事项在 items.yaml 中记为 exempt 并写明理由，进驻的事项记为 in_hall"
        "（或用 hsreform items import 导入）",
        "{kind} {number}, {unit}: this unit has an item catalogue, which decides its progress on "
        "the goal; a state set by hand would not count. Change the catalogue instead: mark items "
        "needing a special site exempt (with a reason) in items.yaml, and items in the hall in_hall "
        "(or use hsreform items import)",
    ),
    "edit.not_charged": (
        "{unit}在窗口没有人员配额：按本数据对{kind} {number} 的读法（tasks.yaml 的 charges: units-with-quota）"
        "不承担此项，不记进度",
        "{unit} has no quota at any window: this data's reading of {kind} {number} (charges: "
        "units-with-quota in tasks.yaml) does not charge it, so no progress is recorded",
    ),
    "edit.reason_for_exempt": (
        "--reason 只用于 exempt（豁免的理由）；其他说明用 --note",
        "--reason is for exempt only (why the unit is exempt); use --note for other remarks",
    ),
    "edit.no_requirements_given": (
        "没有给出要满足的要求",
        "No requirement given",
    ),
    "usage.no_person": ("名册中没有“{value}”{staff_no}。", "No '{value}'{staff_no} on the roster."),
    "edit.ambiguous_person": (
        "“{name}”不止一人：{candidates}；请照上面的样子写明是谁，如“{example}”（括号里写工号、窗口或单位都可以）",
        "More than one '{name}': {candidates}; say which as listed, e.g. '{example}' (staff number, window or unit in the brackets)",
    ),
    "edit.not_in_post": (
        "{name}在 {on} 不在岗（派驻 {since} 至 {until}）",
        "{name} is not in post on {on} (posted {since} to {until})",
    ),
    "edit.already_trained": (
        "{name}已于 {date} 受训",
        "{name} was already trained on {date}",
    ),
    "edit.too_soon": (
        "{name}自 {since} 才到岗，不能在 {on} 之前一天离岗",
        "{name} came only on {since}, so cannot leave the day before {on}",
    ),
    "edit.same_window": ("{name}已在{window}", "{name} is already at {window}"),
    "edit.staff_add": (
        "{name}自 {since} 在{window}到岗（{unit}，{role}）",
        "{name} in post at {window} from {since} ({unit}, {role})",
    ),
    "edit.staff_add_approved": (
        "{name}自 {since} 在{window}到岗（{unit}，{role}），行政服务中心 {approved} 同意",
        "{name} in post at {window} from {since} ({unit}, {role}), approved by the centre on {approved}",
    ),
    "edit.staff_leave": (
        "{name}（{window}，{unit}）{on} 离岗（当天仍在岗），行政服务中心 {approved} 同意",
        "{name} ({window}, {unit}) leaves on {on} (the last day in post), approved by the centre on {approved}",
    ),
    "edit.staff_train": (
        "{name}（{window}，{unit}）{on} 受训",
        "{name} ({window}, {unit}) trained on {on}",
    ),
    "edit.staff_replace": (
        "{new}自 {on} 接替{name}（{window}，{unit}，{role}），行政服务中心 {approved} 同意；{name}到前一天离岗",
        "{new} replaces {name} ({window}, {unit}, {role}) from {on}, approved by the centre on {approved}; {name} leaves the day before",
    ),
    "edit.staff_replace_left": (
        "{new}自 {on} 接替{name}（{window}，{unit}，{role}），行政服务中心 {approved} 同意；"
        "{name}已于 {until} 离岗",
        "{new} takes the place of {name} ({window}, {unit}, {role}) from {on}, approved by the "
        "centre on {approved}; {name} left on {until}",
    ),
    "edit.staff_move": (
        "{name}（{unit}）自 {on} 从{window}调到{to}，行政服务中心 {approved} 同意",
        "{name} ({unit}) moves from {window} to {to} on {on}, approved by the centre on {approved}",
    ),
    "edit.staff_set": (
        "{name}（{window}，{unit}）：{attribute} {before} → {after}",
        "{name} ({window}, {unit}): {attribute} {before} → {after}",
    ),
    "edit.set_nothing": (
        "没有给出要改的内容：用 --new-staff-no、--new-name 或 --trained-on",
        "Nothing to set: give --new-staff-no, --new-name or --trained-on",
    ),
    "edit.set_same": (
        "{name}的这些内容已是如此，没有改动",
        "{name} has these already; nothing changed",
    ),
    "edit.staff_no_taken": (
        "工号 {staff_no} 已是{other}的工号",
        "Staff number {staff_no} is already that of {other}",
    ),
    "undo.nothing": ("没有可以撤销的修改。", "There is no edit to undo."),
    "undo.damaged": (
        "{path} 中的修改记录已损坏，无法撤销",
        "The edit journal in {path} is damaged; cannot undo",
    ),
    "undo.changed": (
        "{path} 在 {when} 的修改（{command}）之后又被改动过；为免丢失那些改动，不撤销",
        "{path} changed after the edit of {when} ({command}); not undone, so as not to lose that change",
    ),
    "undo.done": (
        "已撤销 {when} 的修改（{command}）：",
        "Undid the edit of {when} ({command}):",
    ),
    "undo.would": (
        "将撤销 {when} 的修改（{command}）：",
        "Would undo the edit of {when} ({command}):",
    ),
    "undo.state": (
        "{kind} {number}，{unit}：{now} → {was}（改回修改前的状态）",
        "{kind} {number}, {unit}: {now} → {was} (put back as it was)",
    ),
    "undo.state_met": (
        "{kind} {number}，{unit}：{now} → {was}（改回修改前的状态），不再记为满足：{labels}",
        "{kind} {number}, {unit}: {now} → {was} (put back as it was); no longer recorded as met: {labels}",
    ),
    "undo.withdrawn": ("撤回：{change}", "Withdrawn: {change}"),
    "undo.restored": ("改回：{change}", "Put back: {change}"),
    "log.title": ("记下的变化", "Recorded changes"),
    "log.none": ("没有记下的变化。", "No recorded changes."),
    "log.heading": ("数据中记下的变化（截至 {as_of}）", "Changes the data records, as of {as_of}"),
    "log.since": ("自 {since} 起", "Since {since}"),
    "sheet.log": ("变化", "Changes"),
    "col.what": ("项目", "Item"),
    "col.who": ("单位或人员", "Unit or person"),
    "col.change": ("变化", "Change"),
    "log.state": ("{status}", "{status}"),
    "log.met": ("满足要求：{labels}", "met: {labels}"),
    "log.met_done": ("随完成满足要求：{labels}", "met with done: {labels}"),
    "log.posted": ("到岗：{window}（{unit}，{role}）", "posted: {window} ({unit}, {role})"),
    "log.replaced": (
        "接替{replaces}到岗：{window}（{unit}，{role}），中心同意 {approved}",
        "replaces {replaces}: {window} ({unit}, {role}), approved {approved}",
    ),
    "log.left": ("离岗：{window}（{unit}）", "left: {window} ({unit})"),
    "log.left_approved": (
        "离岗：{window}（{unit}），行政服务中心同意：{approved}",
        "left: {window} ({unit}), approved by the centre: {approved}",
    ),
    "log.trained": ("受训", "trained"),
    "log.undated": ("（未写日期）", "(no date given)"),
    "log.roster": ("名册", "roster"),
    "data.unusable": (
        "数据有误，无法{action}；运行 hsreform validate 查看全部问题。",
        "The data has errors, so {action} cannot run; see hsreform validate.",
    ),
    "action.status": ("统计进度", "status"),
    "action.check_staffing": ("检查人员", "check-staffing"),
    "action.upgrade": ("升级", "upgrade-data"),
    "action.items": ("统计事项清单", "items"),
}
