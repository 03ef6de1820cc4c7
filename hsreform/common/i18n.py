"""Every sentence hsreform shows, in Chinese (the default) and English.

`message(code, lang, params)` renders a finding; `text(key, lang, **params)` a piece of the
interface. A template may depend on one parameter (`reason`, `what`): the entry
"code:value" is used when it exists. List parameters are joined the way each language
joins them; a few enumerated values (roles, expected types, hints) are translated.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from typing import Any

from hsreform.common.safe import shown

WORDS = {
    "首席代表": "chief",
    "工作人员": "staff",
    "审核人员": "reviewer",
    "未开始": "not_started",
    "进行中": "in_progress",
    "已完成": "done",
    "完成": "done",
    "受阻": "blocked",
    "豁免": "exempt",
    "行政服务中心": "service_centre",
    "政府部门": "government_department",
    "党委部门": "party_department",
    "事业单位": "public_institution",
    "企业": "enterprise",
    "银行": "bank",
    "审核": "reviewer",
    # item catalogue: 事项类型 and where an item stands
    "行政许可": "licensing",
    "行政确认": "confirmation",
    "行政裁决": "adjudication",
    "行政给付": "payment",
    "行政奖励": "reward",
    "行政备案": "filing",
    "其他行政权力": "other_power",
    "公共服务": "public_service",
    "便民服务": "convenience",
    "已梳理": "listed",
    "未进驻": "listed",
    "已进驻": "in_hall",
    "进驻": "in_hall",
    "不进驻": "not_entering",
}
"""Chinese words people write for the data's English values, and the value each means."""

SYSTEM_REASONS = {
    errno.ENOENT: "没有这个文件或目录",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许这样操作",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "文件系统是只读的",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一项不是目录",
    errno.ENAMETOOLONG: "名称太长",
    errno.EIO: "读写出错",
    errno.ENXIO: "没有这个设备或地址（可能是套接字）",
    errno.ENODEV: "没有这个设备",
    errno.ELOOP: "符号链接层数太多（可能绕成了环）",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "系统打开的文件太多",
    errno.ENOMEM: "内存不足",
    errno.EBADF: "文件描述符无效（输出可能已关闭）",
    errno.EPIPE: "管道已关闭",
    errno.ETXTBSY: "文件正被使用",
    errno.EAGAIN: "资源暂时不可用",
    errno.EINVAL: "参数无效",
    errno.EFBIG: "文件太大",
    errno.EDQUOT: "超出磁盘配额",
}
"""The system's reasons in Chinese, for the errors a user meets (the system gives English)."""


def system_reason(exc: OSError, lang: str) -> str:
    """Why the system refused, in `lang`; in Chinese, an errno we have no words for by name."""
    if lang == "zh":
        if exc.errno in SYSTEM_REASONS:
            return SYSTEM_REASONS[exc.errno]
        name = errno.errorcode.get(exc.errno or 0)
        return f"系统错误 {name}" if name else "系统错误"
    return exc.strerror or str(exc)


DEFAULT_LANG = "zh"
ENV_LANG = "HSREFORM_LANG"

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

TERMS: dict[str, tuple[str, str]] = {
    "staff": ("工作人员", "staff"),
    "reviewer": ("审核人员", "reviewers"),
    "chief": ("首席代表", "chief representative"),
    "task": ("任务", "task"),
    "goal": ("目标", "goal"),
    "duty": ("保障职责", "duty"),
    "integer": ("整数", "a whole number"),
    "text": ("文字", "text"),
    "boolean": ("布尔值 true 或 false", "true or false"),
    "list": ("列表", "a list"),
    "mapping": ("映射（键: 值）", "a mapping (key: value)"),
    "date": ("日期，如 2020-06-05", "a date such as 2020-06-05"),
    "option": ("命令行选项 --data", "the option --data"),
    "env": ("环境变量 HSREFORM_DATA", "the variable HSREFORM_DATA"),
    # YAML syntax hints
    "colon-in-value": (
        '值里有“: ”（冒号加空格）；含冒号的文字请加引号，如 note: "上午: 9点"；'
        "如果这是一个新的键，请让它与上一行的键左对齐",
        "a ': ' inside a value; quote text that holds a colon, e.g. note: \"9: 00\"; "
        "if this is a new key, line it up with the key above",
    ),
    "tab-or-indicator": (
        "这里有不能出现的字符：缩进只能用空格，不能用 Tab；以 @、` 等符号开头的文字要加引号",
        "a character that cannot start a value: indent with spaces, never tabs; quote text starting with @ or `",
    ),
    "unclosed-flow": (
        "方括号或花括号没有闭合，或项与项之间缺少逗号",
        "a bracket or brace is not closed, or a comma is missing",
    ),
    "missing-colon": (
        "缺少冒号：键和值之间要用英文冒号加空格“: ”，不能用中文冒号“：”",
        "a colon is missing: separate key and value with ': ' (not the full-width '：')",
    ),
    "indentation": (
        "缩进不对：同一层的键要对齐，列表项的“- ”要对齐；键和值之间要用英文冒号“: ”",
        "indentation is off: keys of one level line up, as do the '- ' of list items; keys end with ': '",
    ),
    "unclosed-quote": (
        "引号没有闭合，文件在引号里结束",
        "a quote is not closed before the end of the file",
    ),
    "undefined": (
        "用了没有定义的标签前缀（如 !a!b 中的 !a!）",
        "an undefined tag handle (the !a! in !a!b)",
    ),
    "": ("请检查这一行和上一行", "check this line and the one before"),
}

STATUS_WORDS = {
    "not_started": "未开始",
    "in_progress": "进行中",
    "done": "已完成",
    "blocked": "受阻",
    "exempt": "豁免",
}
"""A unit's progress states in Chinese, for messages that name the value the file holds."""
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "staff_no": ("工号", "staff number"),
    "name": ("姓名", "name"),
    "trained_on": ("受训日期", "training day"),
}
"""Fields of the data as a sentence names them (the YAML key is for messages about a file)."""

T: dict[str, tuple[str, str]] = {
    "app.help": (
        "跟踪和硕县《推进政府职能转变和政务服务事项进驻行政服务中心集中办理实施方案》"
        "（硕政办发〔2020〕15号）的落实情况。",
        "Track the rollout of Heshuo County's plan 硕政办发〔2020〕15号: government services "
        "moving into one administrative service hall.",
    ),
    "help.version": ("显示版本并退出。", "Show the version and exit."),
    "help.install_completion": (
        "为当前 shell 安装命令补全。",
        "Install completion for the current shell.",
    ),
    "help.show_completion": (
        "显示当前 shell 的补全脚本，可复制或自行安装。",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    "help.help": ("显示帮助并退出。", "Show this help and exit."),
    "help.globals": (
        "--data、--as-of、--format、--output、--lang、--fail-on 写在命令之前或之后都可以，"
        "如 hsreform --data 本县数据 status。能写名称的地方（单位、窗口、人员、任务、要求）"
        "都认 id、名称、别称、全称和中文数字；hsreform list 列出可用的名称。",
        "--data, --as-of, --format, --output, --lang and --fail-on may come before the command "
        "too: hsreform --data county status. Wherever a name is asked (unit, window, person, "
        "task, requirement), ids, names, aliases, full names and Chinese numerals are understood; "
        "hsreform list shows them.",
    ),
    "usage.options": ("[选项]", "[OPTIONS]"),
    "usage.command": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "metavar.dir": ("目录", "DIR"),
    "metavar.date": ("日期", "DATE"),
    "metavar.format": ("格式", "FORMAT"),
    "metavar.level": ("级别", "LEVEL"),
    "metavar.state": ("状态", "STATE"),
    "metavar.number": ("序号", "N"),
    "metavar.days": ("天数", "DAYS"),
    "metavar.file": ("文件", "FILE"),
    "metavar.ics": ("文件.ics", "FILE.ics"),
    "metavar.path": ("路径", "PATH"),
    "metavar.unit": ("单位", "UNIT"),
    "metavar.units": ("单位...", "UNIT..."),
    "metavar.window": ("窗口", "WINDOW"),
    "metavar.role": ("角色", "ROLE"),
    "metavar.name": ("姓名", "NAME"),
    "metavar.names": ("姓名...", "NAME..."),
    "metavar.old": ("原来的人", "OLD"),
    "metavar.new": ("新的人", "NEW"),
    "metavar.staff_no": ("工号", "NO"),
    "metavar.seconds": ("秒数", "SECONDS"),
    "metavar.text": ("文字", "TEXT"),
    "metavar.why": ("理由", "WHY"),
    "metavar.requirements": ("要求...", "REQUIREMENT..."),
    "metavar.map": ("列名=字段", "COLUMN=FIELD"),
    "metavar.what": ("类别", "WHAT"),
    "default.today": ("今天", "today"),
    "default.error": ("错误", "error"),
    "default.never": ("从不", "never"),
    "help.validate": (
        "检查数据：格式、引用、日期，以及与方案数字（55 个窗口、20 类、17 间办公室等）是否一致。"
        "有问题时退出码为 1。",
        "Check the data: schema, references, dates, and the plan's own figures (55 windows, "
        "20 categories, 17 offices ...). Exits 1 on findings.",
    ),
    "help.status": (
        "各项任务和年度目标的进展：截止日期、剩余天数、完成单位数、状态。",
        "Where each task and the year-end goal stand: deadline, days left, units done, state.",
    ),
    "help.check_staffing": (
        "对照方案的配额和派驻要求检查窗口人员名册。",
        "Check the staff roster against the plan's quotas and staffing rules.",
    ),
    "help.paths": (
        "数据目录或其中的文件；默认按 --data 的规则查找。",
        "Data folders or files in them; by default found as for --data.",
    ),
    "help.data": (
        "数据目录（含 windows.yaml、tasks.yaml、staff.yaml）。默认依次为 $HSREFORM_DATA、"
        "./data、安装包自带的数据。",
        "Data folder (windows.yaml, tasks.yaml, staff.yaml). Defaults to $HSREFORM_DATA, "
        "then ./data, then the copy bundled with the package.",
    ),
    "help.as_of": (
        "统计日，默认今天。可写 2020-06-05、2020/6/5、2020年6月5日、二〇二〇年六月五日、今天、昨天、前天、3天前、一周后、+3d、-1w。",
        "The day to report for (default today): 2020-06-05 / 2020/6/5 / 2020年6月5日 / today / +3d / -1w.",
    ),
    "help.format": (
        "输出格式：终端表格（默认）/ json / markdown / csv / html / xlsx / docx；写文件时也可由 --output 的扩展名决定。",
        "Output format: table (default), json, markdown, csv, html, xlsx or docx; with --output, "
        "its extension can decide.",
    ),
    "help.format_findings": (
        "输出格式：终端表格 / json / markdown / csv / html / xlsx / docx / github（GitHub Actions 注释，在 GitHub Actions 中默认使用）。",
        "Output format: table, json, markdown, csv, html, xlsx, docx or github (GitHub Actions annotations; the default inside GitHub Actions).",
    ),
    "help.schema": (
        "导出各数据文件的 JSON Schema，供编辑器补全键名、即时标出错误。",
        "Export the JSON Schema of each data file, for editors to complete keys and flag mistakes.",
    ),
    "help.output": (
        "写入此目录（windows.schema.json 等）；不指定时输出到标准输出。",
        "Write into this folder (windows.schema.json, ...); standard output when not given.",
    ),
    "help.lang": (
        "输出语言：zh（中文，默认）或 en；也可用环境变量 HSREFORM_LANG。",
        "Language: zh (Chinese, default) or en; also HSREFORM_LANG.",
    ),
    "help.fail_on": (
        "达到此级别的问题使退出码为 1：错误 / 警告 / 提示 / 从不。",
        "Exit 1 when a finding reaches this severity: error / warning / info / never.",
    ),
    "help.fail_on_status": (
        "有此状态的任务时退出码为 1：已逾期 / 受阻（受阻或逾期）/ 即将到期（即将到期、受阻或逾期）/ 从不。",
        "Exit 1 when a task is in this state: overdue / blocked (or overdue) / due-soon (or blocked or overdue) / never.",
    ),
    "help.soon": (
        "剩余天数不超过这个数即为“即将到期”（可写 3 或 三）。",
        "Days left at which a task is due soon.",
    ),
    "help.unit": (
        "只看一个单位（id、名称、别称或全称）的任务。",
        "Only one unit's obligations (id, name, alias or full name).",
    ),
    "help.goal": (
        "列出这一项年度目标（序号：1、一 或 第一项）的要求和各责任单位的进度。",
        "List each responsible unit's progress on goal N.",
    ),
    "help.duty": (
        "列出这一项保障职责（序号：2、二 或 第二项）的要求和各责任单位的进度。",
        "List each responsible unit's progress on support duty N.",
    ),
    "help.upgrade_data": (
        "把为旧版 hsreform 写的数据升级到现在的格式：给没有日期的状态补上日期，给任务补上方案的各项要求"
        "（原来记为完成的单位记为在完成日满足了全部要求），补上保障职责和首席代表制的读法。"
        "注释、键的顺序和排版都不变；先用 --dry-run 看改动。",
        "Bring data written for an earlier hsreform up to date: date undated states, give tasks "
        "the plan's requirements (a unit marked done met them all on its done_on), add the "
        "support duties and the chief-representative reading. Comments, key order and layout "
        "stay; see the changes first with --dry-run.",
    ),
    "help.upgrade_since": (
        "没有日期的状态是哪天记下的（补给每个这样的状态）；有这样的状态时必填。",
        "The day the undated states were recorded (given to each of them); needed when there are any.",
    ),
    "help.dry_run": (
        "只显示会做的改动（统一差异格式），不写任何文件。",
        "Only show the changes (a unified diff); write nothing.",
    ),
    "help.task": (
        "列出这一项任务（序号：6、六 或 第六项）的要求和各责任单位的进度。",
        "List each responsible unit's progress on task N.",
    ),
    # usage errors
    "usage.error": ("命令行有误：{detail}", "Invalid command line: {detail}"),
    "usage.error:plain": ("命令行有误。", "Invalid command line."),
    "usage.hint": ("运行“{command} --help”查看用法。", "Run '{command} --help' for usage."),
    "usage.no_such_option": (
        "没有选项 {name}。{suggestion}",
        "No such option: {name}. {suggestion}",
    ),
    "usage.did_you_mean": ("是不是想用 {names}？", "Did you mean {names}?"),
    "usage.no_such_command": (
        "没有命令“{name}”。{suggestion}",
        "No such command '{name}'. {suggestion}",
    ),
    "usage.missing": ("缺少 {name}。", "Missing {name}."),
    "usage.missing_argument": ("缺少参数 {name}（{help}）。", "Missing argument {name} ({help})."),
    "usage.missing_argument:plain": ("缺少参数 {name}。", "Missing argument {name}."),
    "usage.missing_option": ("缺少选项 {name}（{help}）。", "Missing option {name} ({help})."),
    "usage.missing_option:plain": ("缺少选项 {name}。", "Missing option {name}."),
    "usage.missing_command": (
        "缺少命令；运行 hsreform --help 查看有哪些命令。",
        "Missing command; see hsreform --help for the commands.",
    ),
    "usage.global_not_here": (
        "{command} 没有选项 {name}：写在命令前面的选项，也要是这条命令本身能用的；去掉 {name} 再运行。",
        "{command} takes no {name}: an option before the command must be one the command takes; "
        "run it without {name}.",
    ),
    "calendar.before_issue": (
        "方案 {issued_on} 印发；统计日 {as_of} 时尚未印发。日历中的期限是方案印发时提出的。",
        "The plan was issued on {issued_on}; on {as_of} it was not issued yet. The deadlines in "
        "the calendar are those it set when issued.",
    ),
    "completion.installed": (
        "已为 {shell} 安装命令补全：{path}；重新打开终端后生效。",
        "{shell} completion installed in {path}; it takes effect once you restart the terminal.",
    ),
    "completion.unknown_shell": (
        "无法判断当前用的是哪种 shell；请写明，如 --install-completion bash",
        "Cannot tell which shell this is; name it, e.g. --install-completion bash",
    ),
    "completion.unsupported": (
        "不支持为 {shell} 安装补全；支持：{shells}",
        "Completion is not available for {shell}; it is for {shells}",
    ),
    "usage.needs_value": ("选项 {name} 需要一个值。", "Option {name} needs a value."),
    "usage.no_value": ("选项 {name} 不接受值。", "Option {name} does not take a value."),
    "usage.bad_value": ("{name} 的值无效：{detail}", "Invalid value for {name}: {detail}"),
    "usage.bad_value:plain": ("{name} 的值无效。", "Invalid value for {name}."),
    "usage.integer": ("应为整数", "a whole number is expected"),
    "usage.decimal": ("应为数字，如 10 或 2.5", "a number such as 10 or 2.5 is expected"),
    "usage.bad_choice": (
        "{name} 的值“{value}”无效；可选：{choices}",
        "Invalid value '{value}' for {name}; choose from {choices}",
    ),
    "usage.not_negative": ("不能为负数", "it cannot be negative"),
    "usage.bad_count": (
        "{name} 的值“{value}”不是天数；写 3、三 或 3天",
        "{name}: '{value}' is not a number of days; write 3",
    ),
    "usage.count_range": (
        "{name} 的值“{value}”超出范围：写 {low} 到 {high} 之间的天数",
        "{name}: '{value}' is out of range; write a number of days from {low} to {high}",
    ),
    "usage.bad_wait": (
        "--wait 的值“{value}”无效：写 0 到 {limit} 之间的秒数",
        "--wait: '{value}' is not valid; write a number of seconds from 0 to {limit}",
    ),
    "usage.extra": ("多余的参数：{args}", "Unexpected extra argument(s): {args}"),
    "usage.bad_day": (
        "无法识别的日期“{value}”；可写 2020-06-05、2020/6/5、2020年6月5日、今天、昨天、3天前、+3d、-1w",
        "'{value}' is not a day; write 2020-06-05, 2020/6/5, 2020年6月5日, today, +3d or -1w",
    ),
    "usage.bad_lang": (
        "{name} 只能是 zh 或 en，而不是“{value}”",
        "{name} must be zh or en, not '{value}'",
    ),
    "usage.no_unit": ("没有单位“{value}”。", "No unit '{value}'."),
    "usage.not_responsible": (
        "{unit}不是第 {number} 项{kind}的责任单位；责任单位：{units}",
        "{unit} is not responsible for {kind} {number}; the responsible units: {units}",
    ),
    "usage.not_charged": (
        "{unit}在窗口没有人员配额，按本数据的读法（tasks.yaml 的 charges: units-with-quota）不承担第 {number} 项{kind}",
        "{unit} has no quota at any window; this data's reading (charges: units-with-quota in "
        "tasks.yaml) does not charge it with {kind} {number}",
    ),
    "names.close": ("是不是：{names}？", " Did you mean: {names}?"),
    "names.known": ("可用：{names}。", " Known: {names}."),
    "names.listing": ("运行 hsreform list {what} 查看全部。", " See hsreform list {what}."),
    "names.no_staff_no": ("无工号", "no staff number"),
    "names.none": ("无", "none"),
    "usage.one_of": ("{names} 只能用一个", "Give only one of {names}"),
    "usage.no_goal": (
        "没有第 {value} 项年度目标；年度目标有第 {range} 项。",
        "There is no goal {value}; the goals are numbered {range}.",
    ),
    "usage.ambiguous_item": (
        "“{value}”可指几项{kind}：{candidates}；请写序号",
        "'{value}' could be several {kind}s: {candidates}; give the number",
    ),
    "usage.ambiguous_unit": (
        "“{value}”可指几个单位（{ids}）；请用 id，并改正 windows.yaml 中重复的名称",
        "'{value}' names several units ({ids}); give the id, and fix the duplicate name in windows.yaml",
    ),
    "usage.unit_is_group": (
        "“{value}”是单位组（{n} 个单位：{units}）；这里要写其中的一个单位",
        "'{value}' is a group ({n} units: {units}); name one of its units here",
    ),
    "usage.data_and_paths": ("--data 和 PATH 只能用一个", "Give either --data or PATH, not both"),
    "usage.path_missing": ("找不到 {path}", "{path} does not exist"),
    "usage.os_error": ("系统拒绝了这次操作：{reason}", "The system refused: {reason}"),
    "usage.no_task": (
        "没有第 {value} 项任务；任务有第 {range} 项。",
        "There is no task {value}; the tasks are numbered {range}.",
    ),
    "usage.no_task:named": (
        "没有任务“{value}”：可写任务的序号（6、六、第六项）或只属于它的标题中的字；任务有第 {range} 项。",
        "No task answers to '{value}': write its number (6) or words of its title only it has; "
        "the tasks are numbered {range}.",
    ),
    "usage.no_goal:named": (
        "没有年度目标“{value}”：可写序号（1、一、第一项）或只属于它的标题中的字；年度目标有第 {range} 项。",
        "No goal answers to '{value}': write its number (1) or words of its title only it has; "
        "the goals are numbered {range}.",
    ),
    "usage.no_duty:named": (
        "没有保障职责“{value}”：可写序号（2、二、第二项）或只属于它的标题中的字；保障职责有第 {range} 项。",
        "No support duty answers to '{value}': write its number (2) or words of its title only "
        "it has; the duties are numbered {range}.",
    ),
    "usage.no_duty": (
        "没有第 {value} 项保障职责；保障职责有第 {range} 项。",
        "There is no support duty {value}; the duties are numbered {range}.",
    ),
    "usage.data_dir_missing": (
        "找不到数据目录 {path}（由{origin} 指定）",
        "Data folder {path} not found (given by {origin})",
    ),
    "usage.not_a_folder": ("{path} 不是目录", "{path} is not a folder"),
    "usage.data_dir_not_folder": (
        "数据目录 {path} 不是目录（由{origin} 指定）；应指向放着 windows.yaml 等文件的目录",
        "Data folder {path} is not a folder (given by {origin}); name the folder that holds windows.yaml and the rest",
    ),
    "usage.not_a_data_file": (
        "{path} 不是数据文件（应为 windows.yaml、tasks.yaml、staff.yaml 或 items.yaml）",
        "{path} is not a data file (windows.yaml, tasks.yaml, staff.yaml or items.yaml)",
    ),
    "usage.upgrade_needs_since": (
        "有 {n} 个进行中或受阻的状态没有日期；请用 --since 日期 说明它们是哪天记下的（hsreform 不替你猜）",
        "{n} in-progress or blocked states have no date; say with --since DATE when they were "
        "recorded (hsreform does not guess)",
    ),
    "usage.upgrade_bundled": (
        "没有指定数据目录：安装包自带的数据不需要升级；请用 --data 指定要升级的数据目录",
        "No data folder given: the bundled data needs no upgrade; name the folder with --data",
    ),
    "usage.bad_date_option": (
        "{name} 的日期“{value}”无法识别；可写 2020-06-05、2020/6/5、2020年6月5日、昨天、3天前",
        "{name}: '{value}' is not a day; write 2020-06-05, 2020/6/5 or 2020年6月5日",
    ),
    "edit.unreadable": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
    "edit.blank_value": (
        "{field} 不能为空（只有空格也算空）；没有改动任何文件",
        "{field} cannot be blank (spaces alone count as blank); nothing was changed",
    ),
    "edit.invalid_value": (
        "{field} 的值无效（{detail}）；没有改动任何文件",
        "{field} has an invalid value ({detail}); nothing was changed",
    ),
    "confined.symlink": (
        "{path} 是符号链接；修改和撤销不跟随符号链接（以免改到数据目录之外的文件），"
        "没有改动任何文件；请把链接换成文件本身",
        "{path} is a symlink; edits and undo do not follow symlinks (they could change a file "
        "outside the data folder); nothing was changed: put the file itself in its place",
    ),
    "confined.directory": (
        "{path} 是文件夹，不是文件；没有改动任何文件",
        "{path} is a folder, not a file; nothing was changed",
    ),
    "confined.special": (
        "{path} 不是普通文件（命名管道、设备或套接字），不予读写；没有改动任何文件",
        "{path} is not a regular file (a named pipe, a device or a socket); not read or "
        "written, nothing was changed",
    ),
    "edit.result_too_large": (
        "修改后 {path} 至少会有 {size} 字节，超过修改命令可处理的上限 {limit} 字节；没有改动任何文件"
        "（导入时请按单位或分批导入）",
        "{path} would have at least {size} bytes after the edit, over the limit of {limit} bytes an "
        "edit handles; nothing was changed (import by unit or in parts)",
    ),
    "confined.too_large": (
        "{path} 有 {size} 字节，超过修改命令可处理的上限 {limit} 字节；没有改动任何文件，请手工修改",
        "{path} has {size} bytes, over the limit of {limit} bytes an edit handles; nothing "
        "was changed, edit it by hand",
    ),
    "edit.layout": (
        "{path}:{line}：从这一行起，文件的写法（缩进、引号或注释的位置）无法原样保留，"
        "为免打乱文件，不做修改；请手工修改",
        "{path}:{line}: from this line on, the file's layout (indentation, quoting or where "
        "a comment stands) cannot be kept byte for byte; not changed, edit it by hand",
    ),
    "edit.yaml_unsupported": (
        "{path}：修改命令读不了这里的写法（{detail}）；常见原因是值后面用制表符隔开注释，"
        "请改成空格。没有改动任何文件",
        "{path}: edits cannot read what is written here ({detail}); a common cause is a "
        "tab before a comment after a value: use spaces. Nothing was changed",
    ),
    "upgrade.since": (
        "{kind} {number}，{unit}：状态 {status} 补上开始日期（since: {since}）",
        "{kind} {number}, {unit}: state {status} dated since: {since}",
    ),
    "upgrade.requirements": (
        "{kind} {number}：加上方案的 {n} 项要求（requirements）",
        "{kind} {number}: the plan's {n} requirement{n_s} added",
    ),
    "upgrade.exceptions": (
        "{kind} {number}：加上方案允许的例外（exceptions: {value}），这里记的豁免才算数",
        "{kind} {number}: the plan's exception added (exceptions: {value}); exemptions count here",
    ),
    "upgrade.charges": (
        "{kind} {number}：加上本数据的读法 charges: {value}（只计在窗口有人员配额的单位），可按本县实际删去",
        "{kind} {number}: this data's reading charges: {value} added (only units with a quota count); "
        "remove it if the county reads the plan otherwise",
    ),
    "upgrade.met": (
        "{kind} {number}，{unit}：已完成，{n} 项要求记为在完成日 {done_on} 满足（met）",
        "{kind} {number}, {unit}: done, so {n} requirement{n_s} recorded as met on {done_on}",
    ),
    "upgrade.duties": (
        "加上六、工作要求（二）的 {n} 项保障职责（duties）",
        "the {n} support duties of section 6 (2) added (duties)",
    ),
    "upgrade.chief_rule": (
        "加上首席代表制的读法（chief_representatives），可按本县实际修改",
        "the chief-representative reading added (chief_representatives); adjust it to the county",
    ),
    "upgrade.nothing": (
        "数据已是最新格式，没有需要升级的。",
        "The data is up to date; nothing to upgrade.",
    ),
    "upgrade.dry_run": ("（--dry-run：没有写任何文件）", "(--dry-run: nothing written)"),
    "upgrade.written": ("已写入：{files}", "Written: {files}"),
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
    # severities and states
    "sev.error": ("错误", "error"),
    "sev.warning": ("警告", "warning"),
    "sev.info": ("提示", "info"),
    "state.done": ("已完成", "done"),
    "state.done-late": ("逾期完成", "done late"),
    "state.overdue": ("已逾期", "overdue"),
    "state.due-soon": ("即将到期", "due soon"),
    "state.open": ("进行中", "open"),
    "state.blocked": ("受阻", "blocked"),
    "state.not-started": ("未开始", "not started"),
    "state.exempt": ("豁免", "exempt"),
    "unit.not_started": ("未开始", "not started"),
    "unit.in_progress": ("进行中", "in progress"),
    "unit.done": ("已完成", "done"),
    "unit.blocked": ("受阻", "blocked"),
    "unit.exempt": ("豁免", "exempt"),
    "unit.since": ("{day}起", "since {day}"),
    "units.exempt": ("豁免{n}", "{n} exempt"),
    "req.open": ("缺{numbers}", "open: {numbers}"),
    "days.left": ("剩{n}天", "{n} days left"),
    "days.today": ("今天到期", "due today"),
    "days.overdue": ("逾期{span}", "{span} overdue"),
    "days.late": ("晚{span}", "{span} late"),
    "days.none": ("—", "—"),
    "days.finished": ("{day} 全部完成", "all done on {day}"),
    "deadline.none": ("未定", "none"),
    "span.days": ("{n}天", "{n} days"),
    "span.months": ("{m}个月", "{m} mo"),
    "span.years": ("{y}年", "{y} yr"),
    "span.years_months": ("{y}年{m}个月", "{y} yr {m} mo"),
    # status report
    "status.title": ("{plan} 落实进度（截至 {as_of}）", "{plan}: progress as of {as_of}"),
    "status.title_unit": ("{unit}的任务（截至 {as_of}）", "Tasks of {unit} as of {as_of}"),
    "status.goals": ("年度目标", "Year-end goals"),
    "status.duties": (
        "保障职责（六、工作要求（二），方案未定期限）",
        "Support duties (section 6 (2); the plan sets no deadline)",
    ),
    "status.duties_summary": ("保障职责 {total} 项：{parts}。", "{total} support duties: {parts}."),
    "status.borrowed": (
        "* 方案没有给保障职责 {number} 定期限；数据中标明借用任务 {task} 的期限。",
        "* The plan sets no deadline for duty {number}; the data borrows task {task}'s (deadline_from).",
    ),
    "status.looking_back": (
        "方案各项期限均已过去（最晚的是{latest}）。\n“完成/逾期”一栏：已完成的写完成日期，未完成的写已逾期多久。",
        "Every deadline of the plan has passed (the latest was {latest}).\n'Done/late' gives the "
        "day each was finished, or how late it is by now.",
    ),
    "col.number": ("序号", "No."),
    "col.task": ("任务", "Task"),
    "col.goal": ("目标", "Goal"),
    "col.duty": ("职责", "Duty"),
    "col.outcome": ("完成/逾期", "Done/late"),
    "col.day": ("日期", "Date"),
    "col.requirements": ("要求", "Requirements"),
    "col.deadline": ("截止日期", "Deadline"),
    "col.days": ("剩余", "Days"),
    "col.units": ("完成", "Done"),
    "col.state": ("状态", "State"),
    "col.unit": ("责任单位", "Unit"),
    "col.done_on": ("完成日期", "Done on"),
    "col.evidence": ("佐证", "Evidence"),
    "col.window": ("窗口类别", "Window category"),
    "col.windows": ("窗口", "Windows"),
    "col.quota": ("配额", "Quota"),
    "col.staffed": ("在岗", "In post"),
    "status.summary": ("共 {total} 项：{parts}。", "{total} in all: {parts}."),
    "status.partial": (
        "注：方案没有逐一列出{groups}，完成数只计数据中已列出的单位。",
        "Note: the plan never lists {groups} in full; units done counts only those the data lists.",
    ),
    "status.none": ("没有需要列出的任务。", "No tasks to list."),
    "status.none_unit": (
        "方案没有让{unit}承担任何任务、年度目标或保障职责。",
        "The plan charges {unit} with no task, goal or support duty.",
    ),
    "status.none_unit_quota": (
        "方案没有让{unit}承担任何任务、年度目标或保障职责；方案对它的要求是派驻窗口人员：{quotas}"
        "（在岗情况见 hsreform check-staffing）。",
        "The plan charges {unit} with no task, goal or support duty; what it asks of it is "
        "window staff: {quotas} (who is in post: hsreform check-staffing).",
    ),
    "status.quota": ("{window} {n} 名", "{window}: {n}"),
    "view.before_issue": (
        "方案 {issued_on} 印发；统计日 {as_of} 时尚未印发，方案的各项要求都还没有提出。",
        "The plan was issued on {issued_on}; on {as_of} it was not issued yet, and nothing of it "
        "had been asked.",
    ),
    "status.before_issue": (
        "方案 {issued_on} 印发；统计日 {as_of} 时尚未印发，各项任务都还没有提出。",
        "The plan was issued on {issued_on}; on {as_of} it was not issued yet, and nothing of it "
        "had been asked.",
    ),
    "status.not_charged": (
        "注：{what} 按本数据的读法只计在窗口有人员配额的单位（tasks.yaml 的 charges）；"
        "{units}没有派驻配额，不计。",
        "Note: this data reads {what} as charging only units with a quota at some window "
        "(charges in tasks.yaml); {units} have none and are not counted.",
    ),
    "status.unit_not_charged": (
        "注：{unit}在窗口没有人员配额，按本数据的读法不计入{items}（tasks.yaml 的 charges）。",
        "Note: {unit} has no quota at any window; this data's reading does not charge it with "
        "{items} (charges in tasks.yaml).",
    ),
    "status.read.exemption-not-allowed": (
        "注：{unit}在{what} 记为豁免，但方案原文对此项没有允许例外（方案只在年度目标处允许"
        "“除对场地有特殊要求的事项外”）；此处按{counted}计。",
        "Note: {unit} is recorded exempt from {what}, but the plan allows no exception there (its "
        "one exception is the year-end goal's items needing a special site); counted as {counted}.",
    ),
    "status.read.catalogue": (
        "注：{unit}在{what} 的进度记为{recorded}，事项清单推算为{counted}；以事项清单为准。",
        "Note: {unit}'s progress on {what} is recorded as {recorded}; its item catalogue gives "
        "{counted}, which counts.",
    ),
    "status.read.met-after-done": (
        "注：{unit}在{what} 记为 {done_on} 完成，有要求记为完成之后才满足；完成就是全部要求已满足，"
        "按完成日计。",
        "Note: {unit} is recorded done with {what} on {done_on}, with a requirement met only "
        "after; done means every requirement met, counted as of the day it was done.",
    ),
    "task.title": ("第 {number} 项任务：{title}", "Task {number}: {title}"),
    "goal.title": ("第 {number} 项年度目标：{title}", "Goal {number}: {title}"),
    "duty.title": ("第 {number} 项保障职责：{title}", "Support duty {number}: {title}"),
    "sep.clause": ("；", "; "),
    "task.deadline": ("截止 {deadline}，{days}", "deadline {deadline}, {days}"),
    "task.state": ("状态：{state}", "state: {state}"),
    "task.units": ("完成 {done} 个单位", "units done {done}"),
    "task.exempt": ("，豁免 {n} 个", ", {n} exempt"),
    "task.requirements": ("要求满足 {met}/{total}", "requirements met {met}/{total}"),
    "task.legend": ("要求：{items}", "Requirements: {items}"),
    # findings
    "findings.summary": (
        "{errors} 个错误，{warnings} 个警告，{infos} 个提示",
        "errors: {errors}, warnings: {warnings}, infos: {infos}",
    ),
    "findings.none": ("未发现问题。", "No problems found."),
    "findings.omitted": (
        "{file}：另有 {count} 个 [{code}] {severity}未列出（每个文件每种问题最多列出 {limit} 个）",
        "{file}: {count} more {severity} [{code}] not listed (at most {limit} of a kind per file)",
    ),
    "validate.checked": ("已检查 {path}", "Checked {path}"),
    "staffing.title": ("窗口人员（截至 {as_of}）", "Window staffing as of {as_of}"),
    "staffing.total": ("合计", "Total"),
    # reports people read, print and send: output formats, report, scorecard, calendar ------
    "help.output_file": (
        "写入此文件；格式由扩展名决定（.txt .json .md .csv .html .xlsx .docx），写了 --format 时扩展名要与它相符。",
        "Write to this file; without --format its extension decides the format (.txt .json .md .csv .html .xlsx).",
    ),
    "help.report": (
        "会议用的落实情况报告：方案信息、主要数字、任务和时间线、单位×任务表、保障职责、窗口人员、"
        "自助服务区和办公室。可输出为 html（可打印的单个网页）、markdown、xlsx 等。",
        "The rollout report for a meeting: the plan, headline figures, tasks with a timeline, "
        "the unit x task matrix, support duties, staffing, self-service areas and offices. "
        "Also as html (one printable page), markdown, xlsx and more.",
    ),
    "help.scorecard": (
        "各责任单位按时完成情况（年终考核用）：已到期、按时完成、逾期完成、逾期未完成、受阻、豁免、"
        "按时完成率，最差的在前。",
        "Each responsible unit's on-time record for the year-end assessment: due so far, on time, "
        "late, overdue, blocked, exempt, on-time rate, worst first.",
    ),
    "help.calendar": (
        "把每项任务、年度目标和保障职责的期限写成 iCalendar（.ics）日历，含责任单位和提前提醒。",
        "Write every task, goal and duty deadline as an iCalendar (.ics) file, with the "
        "responsible units and a reminder beforehand.",
    ),
    "help.calendar_output": (
        "写入此 .ics 文件；不指定时输出到标准输出。",
        "Write to this .ics file; standard output when not given.",
    ),
    "help.remind": ("提前几天提醒。", "Days before a deadline to remind."),
    "usage.binary_to_terminal": (
        "{format} 是二进制格式，不能输出到终端；请用 --output 文件名.{format} 写入文件",
        "{format} is a binary format and is not written to a terminal; use --output FILE.{format}",
    ),
    "usage.unknown_extension": (
        "这条命令不能写 {path} 这种文件；可写的扩展名：{suffixes}",
        "This command cannot write a file such as {path}; it writes {suffixes}",
    ),
    "usage.extension_mismatch": (
        "{path} 的扩展名与 --format {format} 不符，不会把一种格式写进另一种格式的文件；"
        "请改用扩展名 {suffixes}，或去掉 --format 让扩展名决定格式",
        "The extension of {path} does not match --format {format}: a file is never written in "
        "another format than its extension says. Use {suffixes}, or leave out --format",
    ),
    "action.report": ("生成报告", "report"),
    "action.scorecard": ("统计各单位按时完成情况", "scorecard"),
    "action.calendar": ("生成日历", "calendar"),
    "output.written": ("已写入 {path}", "Written: {path}"),
    "calendar.written": ("已写入 {path}：{n} 个期限", "Written: {path}, {n} deadline{n_s}"),
    "calendar.undated": (
        "方案未定期限、未列入日历：{items}",
        "No deadline in the plan, not in the calendar: {items}",
    ),
    "calendar.item": ("{kind}{number}", "{kind} {number}"),
    "calendar.name": ("{plan} 期限", "{plan}: deadlines"),
    "calendar.summary": ("{kind}{number}截止：{title}", "Deadline, {kind} {number}: {title}"),
    "calendar.units": ("责任单位：{units}", "Responsible: {units}"),
    "calendar.deliverable": ("成果：{deliverable}", "Deliverable: {deliverable}"),
    "calendar.borrowed": (
        "方案没有给这项保障职责定期限；数据中标明借用任务 {task} 的期限。",
        "The plan sets no deadline for this duty; the data borrows task {task}'s.",
    ),
    "calendar.alarm": ("{days}天后截止：{title}", "Due in {days} days: {title}"),
    "report.title": (
        "{plan} 落实情况报告（截至 {as_of}）",
        "{plan}: rollout report as of {as_of}",
    ),
    "report.issued": ("{issuer} {issued_on} 印发", "Issued by {issuer} on {issued_on}"),
    "report.timeline": (
        "时间线：自方案印发（{start}）至 {end}。{elapsed} 已过去的时间，{ahead} 剩余时间，"
        "{late} 逾期部分（红色），{marker} 统计日 {as_of}。",
        "Timeline from the plan's issue ({start}) to {end}: {elapsed} time gone by, {ahead} time "
        "left, {late} late (red), {marker} the report day {as_of}.",
    ),
    "report.staff_findings": ("人员配备问题", "Staffing findings"),
    "report.generated": ("由 hsreform {version} 生成", "Made by hsreform {version}"),
    "doc.as_of": ("统计日 {day}", "As of {day}"),
    "doc.page": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "doc.page_only": ("第 {page} 页", "Page {page}"),
    "validate.title": ("数据检查结果", "Data check"),
    "scorecard.title": (
        "各责任单位按时完成情况（截至 {as_of}）",
        "On-time record of each responsible unit as of {as_of}",
    ),
    "scorecard.definition": (
        "已到期：单位已完成的，或截止日期已过（截止当天还不算）的任务、年度目标和保障职责。"
        "按时完成率 = 按时完成 ÷ 已到期。",
        "Due so far: what the unit has finished, or whose deadline has passed (the deadline day "
        "itself is not yet past), among tasks, goals and duties. On-time rate = on time / due "
        "so far.",
    ),
    "scorecard.undated": (
        "方案没有给保障职责定期限：没有期限的不算到期，完成了也不算。",
        "The plan sets the support duties no deadline: what has none is never due, even done.",
    ),
    "scorecard.borrowed": (
        "保障职责 {number} 按本数据的读法借用任务 {task} 的期限，按这个期限计算。",
        "Support duty {number} takes task {task}'s deadline by this data's reading, and is "
        "counted by it.",
    ),
    "scorecard.exempt": (
        "豁免：方案只有一处例外，在年度目标上（“除对场地有特殊要求的事项外”）；"
        "记为豁免的不算到期，也不算未完成。",
        "Exempt: the plan's only exception is in the year-end goal (items that need a special "
        "site); an exemption is neither due nor open.",
    ),
    "scorecard.order": (
        "排序：按时完成率低的在前，其次是逾期未完成和受阻多的、逾期完成多的；没有到期事项的在最后。",
        "Order: the lowest on-time rate first, then the most overdue or blocked, then the most "
        "done late; units with nothing due come last.",
    ),
    "doc.tasks": ("重点工作任务", "Tasks"),
    "doc.requirements": ("方案的要求", "What the plan requires"),
    "doc.units": ("各责任单位的进度", "Each responsible unit's progress"),
    "doc.findings": ("问题", "Findings"),
    "doc.windows": ("各类窗口的人员", "People per window category"),
    "doc.scorecard": ("各单位", "Units"),
    "doc.matrix": ("单位×任务", "Units x tasks"),
    "doc.areas": ("自助服务区", "Self-service areas"),
    "doc.offices": ("新增办公室", "New offices"),
    "sheet.tasks": ("任务", "Tasks"),
    "sheet.goals": ("年度目标", "Goals"),
    "sheet.duties": ("保障职责", "Duties"),
    "sheet.requirements": ("要求", "Requirements"),
    "sheet.units": ("责任单位", "Units"),
    "sheet.findings": ("问题", "Findings"),
    "sheet.windows": ("窗口人员", "Staffing"),
    "sheet.scorecard": ("按时完成情况", "Scorecard"),
    "sheet.overview": ("概况", "Overview"),
    "sheet.matrix": ("单位×任务", "Units x tasks"),
    "sheet.areas": ("自助服务区", "Self-service areas"),
    "sheet.offices": ("办公室", "Offices"),
    "sheet.items": ("应进必进", "Items in the hall"),
    "col.timeline": ("时间线", "Timeline"),
    "col.location": ("位置", "Location"),
    "col.severity": ("级别", "Severity"),
    "col.code": ("代码", "Code"),
    "col.message": ("说明", "Message"),
    "col.label": ("简称", "Short name"),
    "col.text": ("方案原文", "The plan's words"),
    "col.applies_to": ("适用单位", "Applies to"),
    "col.gap": ("缺员", "Missing"),
    "col.obligations": ("应承担", "Obligations"),
    "col.due": ("已到期", "Due"),
    "col.on_time": ("按时完成", "On time"),
    "col.late": ("逾期完成", "Late"),
    "col.overdue": ("逾期未完成", "Overdue"),
    "col.blocked": ("受阻", "Blocked"),
    "col.exempt": ("豁免", "Exempt"),
    "col.not_yet_due": ("未到期", "Not yet due"),
    "col.rate": ("按时完成率", "On-time rate"),
    "col.name": ("名称", "Name"),
    "col.open_24h": ("24小时", "24 hours"),
    "col.terminals": ("服务终端", "Terminals"),
    "col.rooms": ("间数", "Rooms"),
    "col.owner": ("所属单位", "Owner"),
    "col.figure": ("项目", "Figure"),
    "col.value": ("数值", "Value"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "staffed.full": ("配齐", "full"),
    "staffed.short": ("缺员", "short"),
    "staffed.over": ("超配", "over"),
    "fig.items": ("任务和年度目标", "Tasks and goals"),
    "fig.done": ("已完成", "Done"),
    "fig.overdue": ("已逾期", "Overdue"),
    "fig.units": ("单位完成", "Units done"),
    "fig.requirements": ("要求满足", "Requirements met"),
    "fig.duties": ("保障职责完成", "Duties done"),
    "fig.staffed": ("窗口人员在岗/配额", "Staff in post / quota"),
    "fig.staff_findings": ("人员问题", "Staffing findings"),
    "fig.areas": ("大厅内自助服务区", "Self-service areas in the hall"),
    "fig.areas_24h": ("24 小时自助服务区", "24-hour self-service areas"),
    "fig.offices": ("新增办公室", "New offices"),
    "fig.n_items": ("{n} 项", "{n}"),
    "fig.n_areas": ("{n} 个", "{n}"),
    "fig.n_rooms": ("{n} 间", "{n}"),
    "fig.errors_warnings": (
        "错误 {errors}，警告 {warnings}",
        "{errors} errors, {warnings} warnings",
    ),
    "matrix.task": ("{n}", "T{n}"),
    "matrix.goal": ("目{n}", "G{n}"),
    "matrix.duty": ("职{n}", "D{n}"),
    "matrix.columns": (
        "列：数字为重点工作任务的序号，“目”为年度目标，“职”为保障职责；空白表示不是该项的责任单位。",
        "Columns: T tasks, G goals, D support duties; blank where the unit is not responsible.",
    ),
    "matrix.legend": ("标记：{marks}。", "Marks: {marks}."),
    "mark.done": ("完", "D"),
    "mark.done-late": ("迟", "L"),
    "mark.overdue": ("逾", "O"),
    "mark.blocked": ("阻", "B"),
    "mark.in-progress": ("进", "P"),
    "mark.not-started": ("未", "N"),
    "mark.exempt": ("免", "E"),
    "cell.done": ("已完成", "done"),
    "cell.done-late": ("逾期完成", "done late"),
    "cell.overdue": ("逾期未完成", "overdue"),
    "cell.blocked": ("受阻", "blocked"),
    "cell.in-progress": ("进行中", "in progress"),
    "cell.not-started": ("未开始", "not started"),
    "cell.exempt": ("豁免", "exempt"),
    # what can be named: hsreform list ----------------------------------------------------
    "help.list": (
        "列出可以写的名称：units 单位（和单位组）、windows 窗口、staff 人员、requirements 要求、"
        "tasks 任务、roles 角色，以及每个名称的各种写法（id、别称、全称、不带“窗口”的窗口名、要求的序号）。",
        "List what can be named: units (and groups), windows, staff, requirements, tasks, roles, "
        "with every way of writing each (id, alias, full name, a window without 窗口, a requirement's number).",
    ),
    "help.list_what": (
        "units / windows / staff / requirements / tasks / roles（也可写 单位、窗口、人员、要求、任务、角色）",
        "units / windows / staff / requirements / tasks / roles",
    ),
    "help.list_task": ("只列这一项任务（序号）的要求。", "Only the requirements of task N."),
    "help.list_goal": ("只列这一项年度目标（序号）的要求。", "Only the requirements of goal N."),
    "help.list_duty": ("只列这一项保障职责（序号）的要求。", "Only the requirements of duty N."),
    "usage.list_item_only": (
        "--task、--goal、--duty 只用于 list requirements，不用于 list {what}",
        "--task, --goal and --duty go with list requirements only, not list {what}",
    ),
    "action.list": ("列出名称", "list"),
    "list.title": ("可以写的名称：{what}", "What can be named: {what}"),
    "list.heading.units": ("单位", "Units"),
    "list.heading.groups": ("单位组", "Groups"),
    "list.heading.windows": ("窗口", "Windows"),
    "list.heading.staff": ("人员", "Staff"),
    "list.heading.requirements": ("要求", "Requirements"),
    "list.heading.tasks": ("任务、年度目标和保障职责", "Tasks, goals and duties"),
    "list.heading.roles": ("角色", "Roles"),
    "list.none": ("没有。", "None."),
    "list.col.name": ("名称", "Name"),
    "list.col.id": ("id", "id"),
    "list.col.also": ("也可写", "Also"),
    "list.col.kind": ("类别", "Kind"),
    "list.col.groups": ("所属单位组", "Groups"),
    "list.col.members": ("单位", "Units"),
    "list.col.count": ("窗口数", "Windows"),
    "list.col.units": ("派驻单位", "Units"),
    "list.col.staff_no": ("工号", "Staff no."),
    "list.col.window": ("窗口", "Window"),
    "list.col.unit": ("单位", "Unit"),
    "list.col.role": ("角色", "Role"),
    "list.col.since": ("到岗", "Since"),
    "list.col.until": ("离岗", "Until"),
    "list.col.in_post": ("在岗", "In post"),
    "list.col.period": ("派驻", "Posted"),
    "list.period": ("{since}至{until}", "{since} to {until}"),
    "list.col.item": ("项目", "Item"),
    "list.col.number": ("序号", "No."),
    "list.col.label": ("简称", "Short name"),
    "list.col.applies_to": ("适用单位", "Applies to"),
    "list.col.title": ("名称", "Title"),
    "list.col.deadline": ("截止日期", "Deadline"),
    "list.kind.service_centre": ("行政服务中心", "service centre"),
    "list.kind.government_department": ("政府部门", "government department"),
    "list.kind.party_department": ("党委部门", "party department"),
    "list.kind.public_institution": ("事业单位", "public institution"),
    "list.kind.enterprise": ("企业", "enterprise"),
    "list.kind.bank": ("银行", "bank"),
    "list.kind.task": ("任务", "task"),
    "list.kind.goal": ("年度目标", "goal"),
    "list.kind.duty": ("保障职责", "duty"),
    "list.role.chief": ("首席代表", "chief representative"),
    "list.role.staff": ("工作人员", "staff"),
    "list.role.reviewer": ("审核人员", "reviewer"),
    "list.note.units": (
        "单位可写名称、id、别称或全称（如 和硕县税务局）；单位组只在修改进度时加 --all 使用。",
        "A unit may be named by its name, id, alias or full name; a group only with --all when recording progress.",
    ),
    "list.note.windows": (
        "窗口可写名称（带不带“窗口”都行）或 id。",
        "A window: its name (with or without 窗口) or id.",
    ),
    "list.note.staff": (
        "人员可写姓名或工号；同名的人写成 王芳（社保窗口） 这样，括号里写工号、窗口或单位。",
        "A person: name or staff number; tell people of one name apart as 王芳（社保窗口）.",
    ),
    "list.note.requirements": (
        "要求可写序号（如 3、三、第三项）、简称或 id；表格中的“缺3-6”就是这里的序号。",
        "A requirement: its number (as 缺3-6 in the tables shows it), short name or id.",
    ),
    "list.note.tasks": (
        "任务可写序号（6、六、第六项）或名称中只有它有的字。",
        "A task: its number (6, 六, 第六项) or words of its title only it has.",
    ),
    "list.note.roles": ("角色可写中文或英文。", "A role: in Chinese or English."),
    # item catalogue: hsreform items ------------------------------------------------------
    "help.items": (
        "事项清单与“应进必进”：各单位和全县的进驻、一网通办、授权到位、政务公开、时限压缩、要件和环节精简；"
        "--unit 列出一个单位的事项。子命令 import 从表格导入事项清单。",
        "The item catalogue against 应进必进: per unit and in total, items in the hall, online, "
        "authorized, made public, time limits cut, documents and steps streamlined; --unit lists "
        "one unit's items. The import subcommand reads a catalogue from a spreadsheet.",
    ),
    "help.items_unit": (
        "列出一个单位（id、名称、别称或全称）的事项。",
        "List one unit's items (id, name, alias or full name).",
    ),
    "items.title": (
        "事项清单与“应进必进”（截至 {as_of}）",
        "Item catalogue and 应进必进 as of {as_of}",
    ),
    "items.title_unit": ("{unit}的事项（截至 {as_of}）", "Items of {unit} as of {as_of}"),
    "items.none": (
        "还没有事项清单（items.yaml 中没有事项）。",
        "No catalogue yet (items.yaml lists no items).",
    ),
    "items.none_unit": ("这个单位还没有列出事项。", "This unit lists no items yet."),
    "items.unit_heading": ("{unit}的事项", "Items of {unit}"),
    "sheet.unit_items": ("事项", "Items"),
    "col.since": ("自", "Since"),
    "items.unit_summary": (
        "进驻 {in_hall}；一网通办 {online}；授权到位 {authorized}；政务公开 {public}；时限压缩 {time_cut}",
        "in the hall {in_hall}; online {online}; authorized {authorized}; public {public}; time cut {time_cut}",
    ),
    "items.exemptions": (
        "豁免的事项（对场地有特殊要求）：",
        "Exempt items (needing a special site):",
    ),
    "items.no_reason": ("（没有写理由）", "(no reason given)"),
    "items.legend": (
        "进驻：已进驻/应进驻（豁免的不算）；网办：一网通办的事项占全部事项；授权：授权到位的占应进驻的；"
        "公开：已公开的依据、程序、时限、收费标准、监督渠道占应公开的；时限压缩：1 − 承诺时限合计/法定时限合计；"
        "要件、环节：精简前→精简后的合计。",
        "In hall: in the hall / must enter (exempt items not counted); online: share of all items; "
        "authorized: share of those that must enter; public: basis, procedure, time limit, fees and "
        "supervision channel made public, of five per item; time cut: 1 − promised / legal time "
        "limits; documents, steps: before → after streamlining.",
    ),
    "items.without": (
        "还没有事项清单的责任单位：{units}",
        "Responsible units without a catalogue yet: {units}",
    ),
    "items.yes": ("是", "yes"),
    "items.no": ("否", "no"),
    "items.on_the_spot": ("即办", "on the spot"),
    "item.listed": ("已梳理", "listed"),
    "item.in_hall": ("已进驻", "in hall"),
    "item.exempt": ("豁免", "exempt"),
    "item.not_entering": ("不进驻", "not entering"),
    "item_kind.licensing": ("行政许可", "licensing"),
    "item_kind.confirmation": ("行政确认", "confirmation"),
    "item_kind.adjudication": ("行政裁决", "adjudication"),
    "item_kind.payment": ("行政给付", "payment"),
    "item_kind.reward": ("行政奖励", "reward"),
    "item_kind.filing": ("行政备案", "filing"),
    "item_kind.other_power": ("其他行政权力", "other power"),
    "item_kind.public_service": ("公共服务", "public service"),
    "item_kind.convenience": ("便民服务", "convenience service"),
    "col.items": ("事项", "Items"),
    "col.item": ("事项", "Item"),
    "col.in_hall": ("进驻", "In hall"),
    "col.online": ("网办", "Online"),
    "col.authorized": ("授权", "Authorized"),
    "col.public": ("公开", "Public"),
    "col.time_cut": ("时限压缩", "Time cut"),
    "col.documents": ("要件", "Documents"),
    "col.steps": ("环节", "Steps"),
    "col.time_limits": ("法定→承诺", "Legal→promised"),
    # item catalogue: hsreform items import ----------------------------------------------
    "help.items_import": (
        "从表格（.xlsx 或 .csv，UTF-8 或 GBK）导入一个单位的事项清单：按中文表头（事项名称、事项编码、事项类型、"
        "实施机关、设定依据、法定办结时限、承诺办结时限、是否收费、收费标准、办理窗口、进驻状态、理由）对应字段，"
        "列出新增和修改的事项，合并进 items.yaml（注释和排版不变）。同一文件再导入一次不会有任何改动。",
        "Import one unit's items from a spreadsheet (.xlsx, or .csv in UTF-8 or GBK): columns found "
        "by their Chinese headers, the items added and changed listed, then merged into items.yaml "
        "(comments and layout kept). Importing the same file again changes nothing.",
    ),
    "help.import_file": ("表格文件：.xlsx 或 .csv", "The spreadsheet: .xlsx or .csv"),
    "help.import_unit": (
        "事项所属的单位（id、名称、别称或全称）。",
        "The unit whose items these are (id, name, alias or full name).",
    ),
    "help.import_map": (
        "表头不常见时指定它对应的字段，如 --map 事项全称=事项名称（字段写常见的中文表头：事项名称、事项编码、事项类型、实施机关、设定依据、法定办结时限、承诺办结时限、是否收费、收费标准、办理窗口、进驻状态、理由）；可重复。",
        "Name the field of an unusual header, e.g. --map 事项全称=事项名称 (a Chinese header or name, code, kind, authority, basis, legal_days, promised_days, charged, fee_standard, window, status, reason); repeatable.",
    ),
    "help.import_on": (
        "新事项和改变了的状态从哪天起（默认今天）。",
        "The day new items and changed states begin (default today).",
    ),
    "help.skip_bad": (
        "跳过读不了的行，导入其余的行；不指定时有读不了的行就什么也不写。",
        "Leave out the rows that cannot be read and import the rest; without it, such rows stop the import.",
    ),
    "import.read": (
        "读取 {path}{encoding}，表头在第 {row} 行",
        "Read {path}{encoding}, header on row {row}",
    ),
    "import.encoding": ("（{encoding} 编码）", " ({encoding})"),
    "import.columns": ("使用的列：{columns}", "Columns used: {columns}"),
    "import.unused": ("没有使用的列：{columns}", "Columns not used: {columns}"),
    "import.columns_cut": (
        "表格超过 200 列，只读取了前 200 列",
        "The sheet has more than 200 columns; only the first 200 were read",
    ),
    "import.added": ("新增：{item}", "Added: {item}"),
    "import.changed": (
        "修改：{item} 的 {field}：{before} → {after}",
        "Changed: {item}, {field}: {before} → {after}",
    ),
    "import.summary": (
        "{unit}：新增 {added} 项，修改 {changed} 项，未变 {unchanged} 项，读不了的行 {bad} 个。",
        "{unit}: {added} added, {changed} changed, {unchanged} unchanged, {bad} row{bad_s} unreadable.",
    ),
    "import.bad_rows": (
        "有 {n} 行读不了，没有写入任何文件；改正这些行，或用 --skip-bad 跳过它们。",
        "{n} row{n_s} cannot be read; nothing was written. Correct {n_them}, or leave {n_them} out with --skip-bad.",
    ),
    "import.bad_map": (
        "--map 的“{value}”无效：应写成 列名=字段，字段可用：{fields}",
        "Invalid --map '{value}': write COLUMN=FIELD, with a field among {fields}",
    ),
    "import.no_header": (
        "{path} 的前 {rows} 行中找不到“事项名称”列；表头不同时用 --map 列名=事项名称 指定",
        "No 事项名称 column in the first {rows} rows of {path}; name it with --map COLUMN=事项名称",
    ),
    "import.no_name": ("没有{column}", "no {column}"),
    "import.bad_days": (
        "{column}“{value}”不是工作日数（可写 20、20个工作日、即办）",
        "{column} '{value}' is not a number of working days (write 20, 20个工作日 or 即办)",
    ),
    "import.code_as_number": (
        "事项编码“{value}”被表格存成了数字，已丢失位数；请把这一列设为文本后重新导出",
        "item code '{value}' was stored as a number and lost digits; format the column as text and export again",
    ),
    "import.code_mangled": (
        "事项编码“{value}”是表格软件把长编码当作数字显示或保存的样子（科学计数法或小数），原来的位数已经丢失；"
        "请在原表格中把这一列设为文本、重新输入或导出后再导入",
        "item code '{value}' is how a spreadsheet shows or saves a long code it took for a number "
        "(scientific notation or a decimal); its digits are lost. Format the column as text in "
        "the original sheet, re-enter or export it, and import again",
    ),
    "import.exempt_without_reason": (
        "记为豁免，但没有{column}；方案只允许“对场地有特殊要求的事项”例外，要写明理由",
        "exempt without a {column}; the plan's only exception is items needing a special site, "
        "and the reason must say so",
    ),
    "import.bad_choice": ("{column}“{value}”无法识别", "{column} '{value}' is not recognised"),
    "import.unknown_window": (
        "没有窗口“{value}”{close}（写窗口名称，如 税务窗口，或它的 id）",
        "no window '{value}'{close} (give a window's name, such as 税务窗口, or its id)",
    ),
    "import.control": (
        "{column}中有不可见的控制字符；请删除后重新导出",
        "{column} holds an invisible control character; remove it and export again",
    ),
    "import.too_long": ("{column}超过 2000 字", "{column} is longer than 2000 characters"),
    "import.repeated": (
        "“{value}”与第 {row} 行重复",
        "'{value}' repeats row {row}",
    ),
    "import.code_elsewhere": (
        "事项编码“{value}”已属于{unit}的事项",
        "item code '{value}' already belongs to an item of {unit}",
    ),
    "import.state_before": (
        "--on {on} 早于这个事项现在的状态的日期 {since}；状态要由早到晚记录",
        "--on {on} is before the item's current state ({since}); states are recorded oldest first",
    ),
    "usage.import_bundled": (
        "没有指定数据目录：不能改动安装包自带的数据；请用 --data 指定本县的数据目录",
        "No data folder given: the bundled data cannot be changed; name the county's folder with --data",
    ),
    "action.import": ("导入", "import"),
    # item catalogue: hsreform authorize ------------------------------------------------
    "help.authorize": (
        "打印单位的现场审批服务授权书（方案附件），按附件原文的措辞和格式填入单位、窗口、委托的事项和签署日期："
        "输出到终端，或用 --output 写成 .md、.html（可打印的 A4 页面）或 .docx（Word、WPS）。"
        "items.yaml 中没有记录授权书的单位，按事项清单为每个窗口起草一份待签的授权书。",
        "Print a unit's authorization letter (the plan's attachment) in the attachment's wording and "
        "layout, filled in with the unit, window, items entrusted and date: to the terminal, or with "
        "--output as .md, .html (a printable A4 page) or .docx (Word, WPS). A unit with no letter "
        "recorded gets a draft per window from its catalogue.",
    ),
    "help.authorize_unit": (
        "单位（id、名称、别称或全称）",
        "The unit (id, name, alias or full name)",
    ),
    "help.authorize_window": (
        "只打印委托这个窗口（id 或名称）的授权书。",
        "Only the letter for this window (id or name).",
    ),
    "help.authorize_output": (
        "写入文件，格式由扩展名决定：.md、.html、.docx。",
        "Write to a file; its extension picks the format: .md, .html, .docx.",
    ),
    "help.authorize_format": (
        "输出格式：终端（默认）/ markdown / html / docx（docx 不输出到终端）。",
        "Output format: table (terminal, default) / markdown / html / docx (never to a terminal).",
    ),
    "letter.draft": (
        "（待签署：尚未记录签署日期；签署后在 items.yaml 的授权书记录（letters）中记下签署日期（signed_on））",
        "(Not signed yet: record signed_on under letters in items.yaml once it is)",
    ),
    "letter.written": ("已写入 {path}（{n} 份授权书）", "Written {path} ({n} letter{n_s})"),
    "letter.unnamed": (
        "注意：方案没有给出这个单位的名称，“{name}”只是数据中的指代，不能作为正式授权书的抬头；"
        "抬头中的单位名称已留空，请由单位填写全称（或在 items.yaml 的 letters 中写上 issuer）。",
        "Note: the plan does not name this unit; '{name}' is only the data's placeholder and cannot "
        "title an official letter. The unit's name in the title is left blank for the office to "
        "fill in (or record the full name as issuer under letters in items.yaml).",
    ),
    "usage.letter_suffix": (
        "无法从 {path} 的扩展名判断格式；可用：{suffixes}",
        "Cannot tell the format from the extension of {path}; use {suffixes}",
    ),
    "usage.no_window": ("没有窗口类别“{value}”。", "No window category '{value}'."),
    "usage.no_letter": (
        "{unit}没有授权书，事项清单中也没有写明办理窗口的应进驻事项，无法起草授权书",
        "{unit} has no letter, and no item that must enter names a window: nothing to draft from",
    ),
    "usage.no_letter_window": (
        "{unit}在{window}没有授权书，事项清单中也没有由{window}办理的应进驻事项；"
        "{unit}的授权书在：{windows}（去掉 --window 可全部打印）",
        "{unit} has no letter for {window}, and no item that must enter is handled there; "
        "{unit}'s letters are for: {windows} (leave out --window for all of them)",
    ),
    "action.authorize": ("打印授权书", "authorize"),
    "sheet.format": (
        "{path} 不是 .xlsx 或 .csv 文件（.xls 请先在 Excel 或 WPS 中另存为 .xlsx）",
        "{path} is neither .xlsx nor .csv (save an .xls as .xlsx in Excel or WPS first)",
    ),
    "sheet.not_a_file": ("{path} 不是文件", "{path} is not a file"),
    "sheet.unreadable": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
    "sheet.too_large": (
        "{path} 有 {size} 字节，超过上限 {limit} 字节（20 MiB），不予读取",
        "{path} has {size} bytes, over the limit of {limit} bytes (20 MiB); not read",
    ),
    "sheet.unpacks_too_large": (
        "{path} 解压后有 {size} 字节，超过上限 {limit} 字节（200 MiB），不予读取",
        "{path} unpacks to {size} bytes, over the limit of {limit} bytes (200 MiB); not read",
    ),
    "sheet.too_many_rows": (
        "{path} 超过 {limit} 行的上限；请按单位分成几个文件导入",
        "{path} has more than the limit of {limit} rows; split it by unit",
    ),
    "sheet.too_many_columns": (
        "{path} 第 {row} 行超过 {limit} 列的上限",
        "{path} row {row} has more than the limit of {limit} columns",
    ),
    "sheet.csv_syntax": (
        "{path} 第 {row} 行不是有效的 CSV：{detail}",
        "{path} row {row} is not valid CSV: {detail}",
    ),
    "sheet.encoding": (
        "{path} 既不是 UTF-8 也不是 GBK 编码；请另存为 UTF-8 的 CSV",
        "{path} is neither UTF-8 nor GBK; save it as a UTF-8 CSV",
    ),
    "sheet.encoding_utf16": (
        "{path} 是 UTF-16 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”",
        "{path} is UTF-16 (Excel's Unicode text); save it as CSV UTF-8",
    ),
    "sheet.not_xlsx": (
        "{path} 不是有效的 .xlsx 文件（可能已损坏，或其实是 .xls、.csv）",
        "{path} is not a valid .xlsx file (damaged, or really an .xls or .csv)",
    ),
    "sheet.no_sheet": ("{path} 中没有工作表", "{path} holds no worksheet"),
    "sheet.missing": (
        "{path} 中没有名为“{name}”的工作表；有：{names}",
        "{path} has no sheet named '{name}'; it has: {names}",
    ),
    "sheet.too_many_cells": (
        "{path} 超过 {limit} 个单元格的上限，不予读取",
        "{path} has more than the limit of {limit} cells; not read",
    ),
    "sheet.too_many_sheets": (
        "{path} 超过 {limit} 个工作表的上限，不予读取",
        "{path} has more than the limit of {limit} sheets; not read",
    ),
    "sheet.too_many_strings": (
        "{path} 的共享字符串超过 {limit} 个的上限，不予读取",
        "{path} has more than the limit of {limit} shared strings; not read",
    ),
    "sheet.strings_too_large": (
        "{path} 的共享字符串超过 {limit} 个字符的上限，不予读取",
        "{path} has shared strings over the limit of {limit} characters; not read",
    ),
    "sheet.xml_dtd": (
        "{path} 的 {part} 含有 DTD 或实体声明，不予读取（Excel 和 WPS 不会写这些）",
        "{path}: {part} holds a DTD or an entity declaration; not read "
        "(Excel and WPS never write one)",
    ),
    "sheet.xml_syntax": (
        "{path} 的 {part} 已损坏（第 {line} 行：{detail}）；请在 Excel 或 WPS 中打开后重新保存",
        "{path}: {part} is damaged (line {line}: {detail}); open and save it again in Excel or WPS",
    ),
    "sheet.part_missing": (
        "{path} 缺少 {part}，不是有效的 .xlsx 文件",
        "{path} lacks {part}: not a valid .xlsx file",
    ),
    "sheet.bad_reference": (
        "{path} 的 {part} 第 {row} 行有无效的单元格位置“{ref}”",
        "{path}: {part} row {row} has an invalid cell reference '{ref}'",
    ),
    "sheet.cell_too_long": (
        "{path} 第 {row} 行有单元格超过 {limit} 个字符的上限",
        "{path} row {row} has a cell over the limit of {limit} characters",
    ),
    "sheet.bad_string_index": (
        "{path} 第 {row} 行引用了不存在的共享字符串 {index}；文件已损坏",
        "{path} row {row} refers to shared string {index}, which does not exist; "
        "the file is damaged",
    ),
    "sheet.bad_number": (
        "{path} 第 {row} 行有无效的数值“{value}”；文件已损坏",
        "{path} row {row} holds an invalid number '{value}'; the file is damaged",
    ),
}


def _lang_index(lang: str) -> int:
    return 1 if lang == "en" else 0


def term(value: str, lang: str) -> str:
    """A translated enumerated value (role, expected type, hint); unknown values unchanged."""
    pair = TERMS.get(value)
    return pair[_lang_index(lang)] if pair else value


LIST_ITEMS = 20
"""Most items of a list a message names; the rest are counted."""


def _render(value: Any, lang: str) -> str:
    """A parameter as text: data and user input shown safely and cut short (report.safe)."""
    if isinstance(value, list | tuple):
        if not value:
            return "无" if lang == "zh" else "none"
        items = [shown(v) for v in value[:LIST_ITEMS]]
        if len(value) > LIST_ITEMS:
            items.append(
                f"……（共 {len(value)} 项）" if lang == "zh" else f"... ({len(value)} in all)"
            )
        return ("、" if lang == "zh" else ", ").join(items)
    return shown(value)


def _value_words(params: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Values of the data in words: a field's name (工号), a state with its value (受阻（blocked））."""
    out = {}
    if lang == "zh" and params.get("status") in STATUS_WORDS:  # beside the value the file holds
        out["status"] = f"{STATUS_WORDS[params['status']]}（{params['status']}）"
    if params.get("attribute") in FIELD_NAMES:
        out["attribute"] = FIELD_NAMES[params["attribute"]][_lang_index(lang)]
    return out


def _plurals(params: Mapping[str, Any]) -> dict[str, str]:
    """For English, "1 row" and "2 rows": `{n_s}` is the plural's s, `{n_them}` it or them."""
    out = {}
    for name, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool):
            out[name + "_s"] = "" if value == 1 else "s"
            out[name + "_them"] = "it" if value == 1 else "them"
    return out


def _prepare(code: str, lang: str, params: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: _render(v, lang) for k, v in params.items()}
    out |= _plurals(params) if lang == "en" else {}
    for key in ("role", "expected", "hint", "origin", "kind"):
        if key in params and isinstance(params[key], str):
            out[key] = term(params[key], lang)
    out |= _value_words(params, lang)
    if "close" in params:  # a near miss: "did you mean ...?", or nothing
        close = shown(params["close"]) if params["close"] else ""
        out["close"] = (
            (f"（是不是“{close}”？）" if lang == "zh" else f" (did you mean '{close}'?)")
            if close
            else ""
        )
    if lang == "zh" and params.get("errno") in SYSTEM_REASONS:  # the system's English reason
        out["reason"] = SYSTEM_REASONS[params["errno"]]
    if code == "deadline-for-missing":
        rule_text = {
            "staffing": (
                "人员是否按时到岗（posted-late；到岗前的缺员也不再只作提示）",
                "late postings (posted-late)",
            ),
            "training": (
                "人员是否受训、是否按时受训（untrained、trained-late）",
                "training (untrained, trained-late)",
            ),
        }
        out["rule_text"] = rule_text.get(str(params.get("rule")), ("", ""))[_lang_index(lang)]
    listing = code in ("goal-done-items-outside", "goal-exempt-items-must-enter")
    if listing and params.get("more"):
        more = params["more"]
        out["more_text"] = f"等（另 {more} 项）" if lang == "zh" else f" and {more} more"
    elif listing:
        out["more_text"] = ""
    if code == "unit-unnamed":
        count = params.get("count", 1)
        out["count_text"] = (
            "" if count == 1 else (f"（{count} 家）" if lang == "zh" else f" ({count} of them)")
        )
    if code == "out-of-range":
        bounds = []
        if params.get("ge") not in (None, ""):
            bounds.append(f"不小于 {params['ge']}" if lang == "zh" else f">= {params['ge']}")
        if params.get("le") not in (None, ""):
            bounds.append(f"不大于 {params['le']}" if lang == "zh" else f"<= {params['le']}")
        out["range"] = _render(bounds, lang)
    return out


def message(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The sentence for finding `code` in `lang`."""
    template = None
    for key in ("reason", "what"):
        variant = params.get(key)
        if isinstance(variant, str) and f"{code}:{variant}" in M:
            template = M[f"{code}:{variant}"]
            break
    template = template or M.get(code)
    if template is None:
        return f"{code} {dict(params)}"
    return template[_lang_index(lang)].format_map(_Lenient(_prepare(code, lang, params)))


def text(key: str, lang: str, **params: Any) -> str:
    """A piece of the interface in `lang`."""
    return T[key][_lang_index(lang)].format_map(_Lenient(_prepare(key, lang, params)))


class _Lenient(dict[str, Any]):
    """Leaves a placeholder visible rather than failing when a parameter is absent."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def resolve_lang(explicit: str | None = None, env: Mapping[str, str] | None = None) -> str:
    """`--lang`, else $HSREFORM_LANG, else Chinese; raises ValueError for anything else."""
    env = os.environ if env is None else env
    value = explicit or env.get(ENV_LANG) or DEFAULT_LANG
    value = value.strip().lower()
    if value.startswith("zh") or value in ("中文", "汉语", "简体中文"):
        return "zh"
    if value.startswith("en") or value in ("英文", "英语"):
        return "en"
    raise ValueError(value)
