"""What `validate`, `check-staffing` and every loader report: one template per finding code (M)."""

from __future__ import annotations

M: dict[str, tuple[str, str]] = {
    # reading files
    "file-missing": (
        "缺少此数据文件；数据目录中应有 windows.yaml、tasks.yaml、staff.yaml",
        "this data file is missing; a data folder holds windows.yaml, tasks.yaml and staff.yaml",
    ),
    "file-is-directory": ("这里应是一个文件，却是目录", "this should be a file but is a folder"),
    "file-empty": (
        "文件没有内容（只有空白或注释）",
        "the file has no content (only blanks or comments)",
    ),
    "file-outside": (
        "这是指向数据目录之外的符号链接（{target}），出于安全考虑不予读取",
        "this is a symbolic link out of the data folder ({target}); refused for safety",
    ),
    "file-too-large": (
        "文件有 {size} 字节，超过上限 {limit} 字节（10 MiB），不予读取",
        "the file has {size} bytes, over the limit of {limit} bytes (10 MiB); not read",
    ),
    "file-unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "file-unreadable:permission": (
        "无法读取文件：没有读取权限",
        "cannot read the file: permission denied",
    ),
    "file-unreadable:folder-permission": (
        "无法读取：没有进入目录 {folder} 的权限（目录要有执行权限 x，其中的文件才能读取）",
        "cannot read it: no permission to enter the folder {folder} (a folder needs the execute permission x for its files to be read)",
    ),
    "file-unreadable:symlink-loop": (
        "无法读取文件：这个符号链接绕回了自己（循环链接）",
        "cannot read the file: the symbolic link loops back on itself",
    ),
    "file-unreadable:special": (
        "这不是普通文件（是管道、设备或套接字），不予读取",
        "this is not a regular file (a pipe, device or socket); not read",
    ),
    "encoding-gbk": (
        "文件不是 UTF-8 编码，看起来是 GBK；请转成 UTF-8：iconv -f GBK -t UTF-8 旧文件 > 新文件，"
        "或用记事本“另存为”并选择 UTF-8",
        "the file is not UTF-8; it looks like GBK. Convert it: iconv -f GBK -t UTF-8 old > new, "
        "or in Notepad use Save As with encoding UTF-8",
    ),
    "encoding-utf16": (
        "文件是 {encoding} 编码；请另存为 UTF-8（记事本：“另存为”，编码选 UTF-8）",
        "the file is {encoding}; save it as UTF-8 (Notepad: Save As, encoding UTF-8)",
    ),
    "encoding-unknown": (
        "文件不是 UTF-8 编码；请另存为 UTF-8",
        "the file is not UTF-8; save it as UTF-8",
    ),
    "nul-byte": (
        "文件含有空字符（NUL），可能已损坏，或不是文本文件",
        "the file holds a NUL byte: it may be damaged, or not a text file",
    ),
    # YAML
    "yaml-syntax": (
        "YAML 语法错误：{hint}（解析器原文：{problem}）",
        "YAML syntax error: {hint} (parser: {problem})",
    ),
    "yaml-multiple-documents": (
        "一个文件只能有一个 YAML 文档；请删去多余的“---”",
        "a file holds one YAML document; remove the extra '---'",
    ),
    "yaml-depth-limit": (
        "嵌套超过 {limit} 层的上限，不予读取",
        "nesting deeper than the limit of {limit} levels; not read",
    ),
    "yaml-alias-limit": (
        "别名（*名称）超过 {limit} 个的上限，不予读取",
        "more aliases (*name) than the limit of {limit}; not read",
    ),
    "yaml-expansion-limit": (
        "别名展开后超过 {limit} 个值的上限（{aliases} 个别名展开出 {expanded} 个值，疑似“别名炸弹”），不予读取",
        "aliases expand past the limit of {limit} values ({aliases} aliases stand for {expanded} values: an alias bomb?); not read",
    ),
    "yaml-value-limit": (
        "文件中的值（键、值和列表项）超过 {limit} 个的上限，不予读取。用了引号、锚点、别名、制表符或不可见字符的文件"
        "最多 {limit} 个值；只用普通写法（不加引号的值、缩进、[ ] 和 { } 列表）的文件可以有 100 万个值，"
        "大的合并数据请这样写",
        "the file holds more than the limit of {limit} values (keys, values and list items); not read. "
        "A file using quotes, anchors, aliases, tabs or invisible characters may hold {limit} values; one "
        "written plainly (unquoted values, indentation, [ ] and { } lists) up to a million: write large "
        "merged data that way",
    ),
    "yaml-value-limit:plain": (
        "文件中的值（键、值和列表项）超过 {limit} 个的上限，不予读取",
        "the file holds more than the limit of {limit} values (keys, values and list items); not read",
    ),
    "yaml-undefined-alias": (
        "别名 *{name} 没有定义（要先用 &{name} 定义锚点）",
        "alias *{name} is not defined (define it first with &{name})",
    ),
    "yaml-complex-key": ("不能用列表或映射作键", "a list or mapping cannot be a key"),
    "yaml-merge-key": (
        "不支持合并键“<<”；请把键直接写出来",
        "merge keys ('<<') are not supported; write the keys out",
    ),
    "duplicate-key": (
        "键“{key}”重复（第 {first} 行已有），后一个不算",
        "key '{key}' repeated (first on line {first}); the second is ignored",
    ),
    "yaml-python-tag": (
        "拒绝 Python 对象标签 {tag}：数据文件里不能有可执行的内容",
        "refused Python object tag {tag}: data files cannot hold anything executable",
    ),
    "yaml-tag": (
        "不支持标签 {tag}；数据文件只用普通的 YAML 值",
        "tag {tag} is not supported; data files use plain YAML values",
    ),
    "yaml-bad-character": (
        "这里有 YAML 不允许的不可见字符 {char}（控制字符或特殊换行符，常见于从网页或 Word 复制的文字）；请删除它",
        "an invisible character {char} that YAML does not allow (a control character or an unusual line break, often copied from a web page or Word); delete it",
    ),
    "key-not-text": (
        "键“{key}”会被读成数字、日期、true/false 或空值，而不是文字；键只能是文字，如 name、since",
        "key '{key}' reads as a number, date, true/false or null, not as text; keys are names such as name or since",
    ),
    "bad-date": ("“{value}”不是真实存在的日期", "'{value}' is not a real calendar date"),
    "bad-date:text": (
        "“{value}”不是日期；日期要写成 2020-06-05 的形式（四位年-两位月-两位日，不加引号）",
        "'{value}' is not a date; write dates as 2020-06-05 (year-month-day, two-digit month and day, no quotes)",
    ),
    "bad-date:time": (
        "只写日期，不带时间，如 2020-06-05",
        "a date only, without a time of day, e.g. 2020-06-05",
    ),
    "bad-date:type": (
        "“{field}”应为日期，如 2020-06-05，而不是“{value}”",
        "'{field}' should be a date such as 2020-06-05, not '{value}'",
    ),
    "bad-date:null": (
        "“{field}”没有填写；应为日期，如 2020-06-05",
        "'{field}' is empty; it should be a date such as 2020-06-05",
    ),
    # shape of the data
    "missing-key": ("缺少必填的键“{field}”", "required key '{field}' is missing"),
    "unknown-key": (
        "未知的键“{field}”{close}；此处可用的键：{allowed}",
        "unknown key '{field}'{close}; keys allowed here: {allowed}",
    ),
    "out-of-range": (
        "“{field}”的值 {value} 超出范围（{range}）",
        "'{field}' is {value}, out of range ({range})",
    ),
    "empty-list": ("“{field}”不能是空列表", "'{field}' cannot be an empty list"),
    "empty-text": ("“{field}”不能为空", "'{field}' cannot be empty"),
    "empty-text:blank": (
        "“{field}”只有空白或看不见的字符，等于没有写",
        "'{field}' holds only blanks or invisible characters, as good as empty",
    ),
    "hidden-character": (
        "“{field}”里有看不见的字符 {char}（{char_name}）：它让看起来相同的名称或 id 实际不同，"
        "或颠倒文字显示的顺序；名称和 id 里不能有它，请删除",
        "'{field}' holds the invisible character {char} ({char_name}): it makes names or ids "
        "that look alike differ, or reverses how text reads; names and ids cannot hold it, delete it",
    ),
    "text-too-long": ("“{field}”的文字太长", "'{field}' is too long"),
    "bad-id": (
        "“{value}”不是合法的 id：只能用小写英文字母、数字和连字符，如 tax-bureau",
        "'{value}' is not a valid id: use lower-case letters, digits and hyphens, e.g. tax-bureau",
    ),
    "bad-choice:word": (
        "“{field}”要写英文值：“{value}”写作 {suggestion}",
        "'{field}' takes the English value: write '{value}' as {suggestion}",
    ),
    "bad-id:name": (
        "“{value}”是名称，这里要写它的 id：{suggestion}",
        "'{value}' is a name; write its id here: {suggestion}",
    ),
    "bad-choice": (
        "“{field}”的值“{value}”无效；可选：{expected}",
        "'{field}' cannot be '{value}'; expected {expected}",
    ),
    "wrong-type": (
        "“{field}”应为{expected}，而不是“{value}”",
        "'{field}' should be {expected}, not '{value}'",
    ),
    "wrong-type:root": (
        "文件顶层应为映射（键: 值），而不是“{value}”",
        "the top of the file should be a mapping (key: value), not '{value}'",
    ),
    "wrong-type:null": (
        "“{field}”没有填写；应为{expected}",
        "'{field}' is empty; it should be {expected}",
    ),
    "schema-done-without-date": (
        "状态（status）为已完成（done）时必须写完成日期（done_on）",
        "status done needs done_on (the day it was done)",
    ),
    "schema-date-without-done": (
        "只有状态（status）为已完成（done）时才写完成日期（done_on）",
        "done_on belongs only with status done",
    ),
    "schema-since-with-done": (
        "状态为已完成（done）时日期写在完成日期（done_on），不写开始日期（since）",
        "status done is dated by done_on, not since",
    ),
    "schema-exempt-without-reason": (
        "状态（status）为豁免（exempt）时必须写理由（reason）：依据方案的哪项例外、为什么",
        "status exempt needs a reason: which exception of the plan it relies on, and why",
    ),
    "schema-reason-without-exempt": (
        "理由（reason）只用于状态为豁免（exempt）的进度；其他说明写在备注（note）",
        "reason belongs only with status exempt; other remarks go in note",
    ),
    "schema-history-undated": (
        "历史（history）中的每个状态都要带日期（已完成的写完成日期 done_on，其他写开始日期 since）",
        "every state in history needs its date (done_on for done, since for the rest)",
    ),
    "schema": ("数据格式有误：{detail}", "invalid data: {detail}"),
    # references
    "duplicate-id": (
        "id“{id}”重复（第 {first} 行已定义）",
        "id '{id}' is defined twice (first on line {first})",
    ),
    "duplicate-number": (
        "编号 {id} 重复（第 {first} 行已用）",
        "number {id} is used twice (first on line {first})",
    ),
    "duplicate-name": (
        "单位名称或别称“{name}”与第 {first} 行的单位（{other}）相同；同名的单位，--unit 和看报告的人都分不清",
        "unit name or alias '{name}' is also that of the unit on line {first} ({other}); neither --unit nor a reader can tell them apart",
    ),
    "group-is-unit": ("单位组 id“{id}”与一个单位的 id 相同", "group id '{id}' is also a unit's id"),
    "unknown-unit": (
        "没有 id 为“{id}”的单位或单位组{close}；单位和单位组在 windows.yaml 的 units、groups 中定义",
        "no unit or group has the id '{id}'{close}; units and groups are defined in windows.yaml",
    ),
    "unknown-unit:group": (
        "“{id}”是单位组，这里要写单个单位的 id（进度、名册、配额都按单位逐个记录）",
        "'{id}' is a group; name a single unit here (progress, roster and quotas are kept per unit)",
    ),
    "replaces-self": (
        "被接替人（replaces）写的是本人（“{name}”）；应写被接替人的姓名，同名时写工号",
        "replaces names the person themself ('{name}'); give the predecessor's name, or staff number if names clash",
    ),
    "predecessor-in-post": (
        "{name}于 {since} 接替{replaces}，但{replaces}仍在岗；请给被接替人写上离岗日期（until）",
        "{name} replaced {replaces} on {since}, but {replaces} is still in post; give the predecessor an until date",
    ),
    "deadline-for-missing": (
        "没有任务标明自己的期限是这项期限（deadline_for: {rule}），check-staffing 无法据此检查{rule_text}",
        "no task is marked deadline_for: {rule}, so check-staffing cannot check {rule_text}",
    ),
    "more-staff-than-windows": (
        "{window}：方案设 {count} 个窗口，配 {staff} 名工作人员，人多于窗口",
        "{window}: the plan gives {count} window{count_s} and {staff} staff, more people than windows",
    ),
    "unknown-window": (
        "没有 id 为“{id}”的窗口类别{close}；窗口类别在 windows.yaml 的 windows 中定义",
        "no window category has the id '{id}'{close}; window categories are defined in windows.yaml",
    ),
    "unknown-person": (
        "被接替人（replaces）“{name}”不在名册中（应写被接替人的姓名或工号）",
        "replaces names '{name}', who is not on the roster (give the predecessor's name or staff number)",
    ),
    "duplicate-quota": (
        "单位“{unit}”（{role}）的配额写了两次",
        "quota for unit '{unit}' ({role}) is given twice",
    ),
    "not-responsible": (
        "单位“{unit}”不是{kind} {number} 的责任单位",
        "unit '{unit}' is not responsible for {kind} {number}",
    ),
    "duplicate-progress": (
        "单位“{unit}”在{kind} {number} 中已有进度记录",
        "unit '{unit}' already has progress for {kind} {number}",
    ),
    "unknown-task": (
        "没有第 {number} 项任务可以借用期限",
        "there is no task {number} whose deadline could be borrowed",
    ),
    "chief-rule-missing": (
        "windows.yaml 没有 chief_representatives（首席代表制的读法：每个派驻单位几名首席代表），"
        "check-staffing 无法检查首席代表；可参照随包数据补上",
        "windows.yaml has no chief_representatives (how many chief representatives each dispatching "
        "unit must have), so check-staffing cannot check them; see the bundled data",
    ),
    "duplicate-deadline-for": (
        "任务 {first} 已标为这项期限（deadline_for: {rule}）",
        "task {first} is already marked deadline_for: {rule}",
    ),
    # the plan's own figures
    "total-mismatch": (
        "合计与方案不符：方案为 {declared}，实际为 {actual}",
        "total differs from the plan: {declared} declared, {actual} found",
    ),
    "total-mismatch:windows": (
        "窗口数与方案不符：方案设 {declared} 个窗口，各类别合计 {actual} 个",
        "windows differ from the plan: {declared} declared, the categories add up to {actual}",
    ),
    "total-mismatch:categories": (
        "窗口类别数与方案不符：方案为 {declared} 类，数据有 {actual} 类",
        "window categories differ from the plan: {declared} declared, {actual} listed",
    ),
    "total-mismatch:offices": (
        "办公室数与方案不符：方案新增 {declared} 间，合计 {actual} 间",
        "offices differ from the plan: {declared} declared, they add up to {actual}",
    ),
    "departments-unnamed": (
        "方案称涉及具体进驻事项的部门 {declared} 个：数据中具名的 {named} 个，泛称的 {generic_count} 个"
        "（{generic}），综合窗口等处未点名的 {unlisted} 个；方案未点名的部门不要自行补名",
        "the plan speaks of {declared} departments with matters in the hall: the data names {named}, "
        "refers generally to {generic_count} ({generic}), and {unlisted} more are left unnamed (behind "
        "综合窗口 and the like); do not invent the names the plan does not give",
    ),
    "total-mismatch:departments": (
        "部门数与方案不符：方案称 {declared} 个，数据中具名 {named}、泛称 {generic_count}、未点名 {unlisted}，合计 {actual} 个",
        "departments differ from the plan: {declared} declared; named {named}, general {generic_count}, "
        "unnamed {unlisted}: {actual} in all",
    ),
    "total-mismatch:staff": (
        "人员配额合计与方案不符：方案各窗口“人员安排”相加为 {declared} 名，数据合计 {actual} 名",
        "quotas differ from the plan: the plan's staffing lines add up to {declared}, the data's to {actual}",
    ),
    "group-incomplete": (
        "方案没有逐一列出“{group}”，数据只收录了已知的 {named} 个单位；status 中的完成数只计这些单位",
        "the plan never lists '{group}'; the data holds the {named} units it knows, and status counts only those",
    ),
    "group-unnamed-members": (
        "“{group}”：方案称有 {declared} 个，数据列出 {named} 个",
        "'{group}': the plan speaks of {declared}, the data lists {named}",
    ),
    "unit-unnamed": (
        "方案没有给出这个单位的名称，数据中暂以“{name}”指代{count_text}",
        "the plan does not name this unit; the data calls it '{name}' for now{count_text}",
    ),
    # dates
    "done-in-future": (
        "完成日期 {date} 晚于统计日 {as_of}",
        "done on {date}, after the report day {as_of}",
    ),
    "dated-in-future": (
        "日期 {date} 晚于统计日 {as_of}",
        "dated {date}, after the report day {as_of}",
    ),
    "dated-in-future:since": (
        "状态的开始日期 {date} 晚于统计日 {as_of}：那天还不知道这个状态",
        "the state begins on {date}, after the report day {as_of}: it was not known that day",
    ),
    "dated-in-future:met": (
        "要求的满足日期 {date} 晚于统计日 {as_of}",
        "the requirement is met on {date}, after the report day {as_of}",
    ),
    "dated-in-future:history": (
        "历史状态的日期 {date} 晚于统计日 {as_of}",
        "a state in history is dated {date}, after the report day {as_of}",
    ),
    # progress
    "state-undated": (
        "状态 {status} 没有日期，--as-of 无法知道它从哪天起成立（现在当作一开始就是这样）；"
        "请写上开始日期（since: 日期）；hsreform upgrade-data --since 日期 可一次补齐所有没有日期的状态",
        "state {status} has no date, so --as-of cannot tell since when it holds (it is read as "
        "holding from the start); add since: DATE, or run hsreform upgrade-data --since DATE "
        "to date every undated state at once",
    ),
    "history-out-of-order": (
        "状态日期 {date} 早于前一个状态的 {previous}；历史（history）要由早到晚排列，当前状态最晚",
        "a state dated {date} comes after one dated {previous}; history runs oldest first and "
        "the current state is the latest",
    ),
    "unknown-requirement": (
        "{kind} {number} 没有 id 为“{id}”的要求{close}；可用：{known}",
        "{kind} {number} has no requirement '{id}'{close}; known: {known}",
    ),
    "unknown-requirement:not-for-unit": (
        "要求“{id}”不是对“{unit}”提出的（见该要求的适用单位 applies_to）",
        "requirement '{id}' does not apply to {unit} (see its applies_to)",
    ),
    "requirements-open": (
        "记为已完成（{done_on}），但这些要求记为完成之后才满足：{late}；完成就是全部要求在完成日（done_on）"
        "前已满足（满足日期 met 只记更早的日期），status 按完成日计：改正这些日期，或把状态（status）"
        "改回进行中（in_progress）",
        "marked done ({done_on}), yet these requirements are recorded as met after it: {late}; done "
        "means every requirement met by done_on (met records earlier days only), and status counts "
        "them met on done_on: correct the dates, or set status back to in_progress",
    ),
    "exemption-not-allowed": (
        "{kind} {number} 的方案原文没有允许例外（exceptions），不能记为豁免：方案只允许年度目标"
        "“除对场地有特殊要求的事项外”，且按事项豁免；status 按未豁免计",
        "the plan allows no exception for {kind} {number} (no exceptions), so it cannot be exempt: "
        "the plan's one exception is the year-end goal's items needing a special site; status "
        "counts the unit as owing",
    ),
    "not-charged": (
        "{unit}在窗口没有人员配额，按本数据对{kind} {number} 的读法（charges: units-with-quota）"
        "不承担此项；这条进度不计入 status",
        "{unit} has no quota at any window, so this data's reading of {kind} {number} (charges: "
        "units-with-quota) does not charge it; status leaves this entry out",
    ),
    "until-before-since": (
        "离岗日期 {until} 早于到岗日期 {since}",
        "left on {until}, before arriving on {since}",
    ),
    # staffing
    "under-quota": (
        "{window}：{unit}应派{role} {quota} 名，在岗 {staffed} 名",
        "{window}: {unit} should post {quota} {role}, {staffed} in post",
    ),
    "over-quota": (
        "{window}：{unit}应派{role} {quota} 名，在岗 {staffed} 名（{names}）",
        "{window}: {unit} should post {quota} {role}, {staffed} in post ({names})",
    ),
    "fewer-staff-than-windows": (
        "{window}：方案设 {count} 个窗口，只配 {staff} 名工作人员，总有窗口无人",
        "{window}: the plan gives {count} window{count_s} but only {staff} staff, so some window stays empty",
    ),
    "double-posting": (
        "{name}已在{other_window}（{other_unit}，第 {first} 行）在岗，又登记在{window}（{unit}）；"
        "窗口工作人员是专职的",
        "{name} is in post at {other_window} ({other_unit}, line {first}) and again at {window} "
        "({unit}); window staff are full-time",
    ),
    "double-posting:unnumbered": (
        "{name}已在{other_window}（{other_unit}，第 {first} 行）在岗，又登记在{window}（{unit}）；"
        "窗口工作人员是专职的。如果这是同名的两个人，请给没有工号的那一位写上工号（staff_no）："
        "hsreform staff set {who} --new-staff-no 工号",
        "{name} is in post at {other_window} ({other_unit}, line {first}) and again at {window} "
        "({unit}); window staff are full-time. If these are two people of one name, give the one "
        "without a staff number a number (staff_no): hsreform staff set '{who}' --new-staff-no NO",
    ),
    "no-chief": (
        "{unit}在岗首席代表 {found} 名；按本数据对“首席代表制”的读法（windows.yaml 的 "
        "chief_representatives，方案没有规定人数）应有 {expected} 名",
        "{unit} has {found} chief representative(s) in post; this data's reading of 首席代表制 "
        "(chief_representatives in windows.yaml: the plan gives no number) asks for {expected}",
    ),
    "several-chiefs": (
        "{unit}在岗首席代表 {found} 名（{names}）；按本数据对“首席代表制”的读法（windows.yaml 的 "
        "chief_representatives，方案没有规定人数）只应有 {expected} 名",
        "{unit} has {found} chief representatives in post ({names}); this data's reading of "
        "首席代表制 (chief_representatives in windows.yaml: the plan gives no number) allows {expected}",
    ),
    "replacement-not-approved": (
        "{name}于 {since} 接替{replaces}，没有行政服务中心的事先同意（approved_by_centre）",
        "{name} replaced {replaces} on {since} without the centre's prior approval (approved_by_centre)",
    ),
    "replacement-not-approved:late": (
        "{name}于 {since} 接替{replaces}，行政服务中心到 {approved} 才同意，不是事先同意",
        "{name} replaced {replaces} on {since}; the centre approved only on {approved}, not in advance",
    ),
    "move-not-approved": (
        "{name}于 {since} 改到{window}（{unit}），没有行政服务中心的事先同意（approved_by_centre）；"
        "方案：“如遇特殊情况确需变动，派出单位应事先征得行政服务中心同意”",
        "{name} moved to {window} ({unit}) on {since} without the centre's prior approval "
        "(approved_by_centre); every change needs it",
    ),
    "move-not-approved:late": (
        "{name}于 {since} 改到{window}（{unit}），行政服务中心到 {approved} 才同意，不是事先同意",
        "{name} moved to {window} ({unit}) on {since}; the centre approved only on {approved}, "
        "not in advance",
    ),
    "leave-not-approved": (
        "{name}在{window}到 {until} 离岗，离岗前没有行政服务中心的同意（离岗同意日期 "
        "leave_approved_by_centre）；方案：“如遇特殊情况确需变动，派出单位应事先征得行政服务中心同意”",
        "{name} left {window} after {until} without the centre's approval given beforehand "
        "(leave_approved_by_centre); every change needs it",
    ),
    "leave-not-approved:late": (
        "{name}在{window}到 {until} 离岗，行政服务中心到 {approved} 才同意，不是事先同意",
        "{name} left {window} after {until}; the centre approved only on {approved}, not in advance",
    ),
    "untrained": (
        "{name}在培训期限 {deadline} 之后仍在岗，没有培训记录（trained_on）",
        "{name} is in post after the training deadline {deadline} without training (trained_on)",
    ),
    "trained-late": (
        "{name}在培训期限 {deadline} 之前已到岗，到 {trained_on} 才受训，晚于期限",
        "{name} was in post by the training deadline {deadline} but trained only on {trained_on}",
    ),
    "posted-late": (
        "{name}于 {since} 才首次到岗，晚于到岗期限 {deadline}",
        "{name} was first posted on {since}, after the deadline {deadline}",
    ),
    # item catalogue (items.yaml) -----------------------------------------------------
    "schema-item-reason-without-exemption": (
        "理由（reason）只用于豁免（exempt）和不进驻（not_entering）的事项；其他说明写在备注（note）",
        "reason belongs only with status exempt or not_entering; other remarks go in note",
    ),
    "duplicate-catalogue": (
        "单位“{value}”已有事项清单（第 {first} 行）；一个单位只有一份清单",
        "unit '{value}' already has a catalogue (line {first}); a unit has one",
    ),
    "duplicate-item-name": (
        "事项“{value}”在本单位清单中重复（第 {first} 行已有）",
        "item '{value}' is listed twice in this unit's catalogue (first on line {first})",
    ),
    "duplicate-item-code": (
        "事项编码“{value}”重复（第 {first} 行已用）；事项编码在全部清单中不能重复",
        "item code '{value}' is used twice (first on line {first}); codes are unique across the catalogue",
    ),
    "letter-unknown-item": (
        "授权书中的“{item}”不在{unit}的事项清单中（写事项名称或事项编码）",
        "the letter names '{item}', which is not in the catalogue of {unit} (give an item's name or code)",
    ),
    "letter-item-elsewhere": (
        "授权书委托{window}办理“{item}”，但事项清单中它在{actual}办理",
        "the letter entrusts '{item}' to {window}, but the catalogue has it at {actual}",
    ),
    "item-exempt-without-reason": (
        "事项“{item}”记为豁免，但没有写理由（reason）；方案只允许“对场地有特殊要求的事项”例外",
        "item '{item}' is exempt without a reason; the plan allows only items needing a special site",
    ),
    "item-window-no-quota": (
        "事项“{item}”在{window}办理，但{unit}在该窗口没有人员配额，窗口也不代为受理它的事项",
        "item '{item}' is handled at {window}, where {unit} has no quota and which does not serve it",
    ),
    "item-in-hall-without-window": (
        "事项“{item}”已进驻大厅，但没有写办理窗口（window）",
        "item '{item}' is in the hall but names no window",
    ),
    "item-not-authorized": (
        "事项“{item}”已在{window}办理，但{unit}没有签署委托该窗口办理它的授权书（授权未到位）",
        "item '{item}' is handled at {window}, but no letter signed by {unit} entrusts that window with it",
    ),
    "sorting-done-without-items": (
        "{unit}记为完成{kind} {number}（事项梳理），但事项清单中没有它的事项",
        "{unit} is done with {kind} {number} (sorting the items), yet has no items in the catalogue",
    ),
    "authorization-done-without-letter": (
        "{unit}记为完成{kind} {number}（授权），但没有已签署的授权书（items.yaml 的授权书记录 letters）",
        "{unit} is done with {kind} {number} (authorization), yet has no signed letter (letters in items.yaml)",
    ),
    "goal-exempt-items-must-enter": (
        "{unit}在{kind} {number} 记为豁免，但事项清单中还有 {n} 项应进驻的事项：{items}{more_text}；"
        "方案的例外是按事项的（对场地有特殊要求的事项），请在 items.yaml 中把这类事项记为 exempt；"
        "status 以事项清单为准",
        "{unit} is recorded exempt from {kind} {number}, yet its catalogue holds {n} items that must "
        "enter: {items}{more_text}; the plan's exception is item by item (items needing a special "
        "site): mark those items exempt in items.yaml; status goes by the catalogue",
    ),
    "goal-done-items-outside": (
        "{unit}记为完成{kind} {number}，但还有 {n} 项应进驻的事项不在大厅：{items}{more_text}；"
        "hsreform status 以事项清单为准",
        "{unit} is recorded done with {kind} {number}, yet {n} items that must enter are outside: "
        "{items}{more_text}; status goes by the catalogue",
    ),
    "catalogue-rule-missing": (
        "items.yaml 有事项清单，但 tasks.yaml 中没有任务或目标标明与事项清单的关系（catalogue: {rules}），相应的核对无法进行",
        "items.yaml holds a catalogue, but no task or goal in tasks.yaml is marked catalogue: {rules}, "
        "so those cross-checks cannot run",
    ),
}
