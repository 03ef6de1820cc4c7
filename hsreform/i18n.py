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

from hsreform.report.safe import shown

WORDS = {
    "首席代表": "chief",
    "工作人员": "staff",
    "审核人员": "reviewer",
    "未开始": "not_started",
    "进行中": "in_progress",
    "已完成": "done",
    "完成": "done",
    "受阻": "blocked",
    "行政服务中心": "service_centre",
    "政府部门": "government_department",
    "党委部门": "party_department",
    "事业单位": "public_institution",
    "企业": "enterprise",
    "银行": "bank",
    "审核": "reviewer",
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
        "文件中的值（键、值和列表项）超过 {limit} 个的上限，不予读取（真实的数据只有几千个值）",
        "the file holds more than the limit of {limit} values (keys, values and list items); not read (real data holds a few thousand)",
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
        "status 为 done 时必须写 done_on（完成日期）",
        "status done needs done_on (the day it was done)",
    ),
    "schema-date-without-done": (
        "只有 status 为 done 时才写 done_on",
        "done_on belongs only with status done",
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
        "replaces 写的是本人（“{name}”）；应写被接替人的姓名，同名时写工号",
        "replaces names the person themself ('{name}'); give the predecessor's name, or staff number if names clash",
    ),
    "predecessor-in-post": (
        "{name}于 {since} 接替{replaces}，但{replaces}仍在岗；请给被接替人写上离岗日期 until",
        "{name} replaced {replaces} on {since}, but {replaces} is still in post; give the predecessor an until date",
    ),
    "deadline-for-missing": (
        "没有任务标明 deadline_for: {rule}，check-staffing 无法据此检查{rule_text}",
        "no task is marked deadline_for: {rule}, so check-staffing cannot check {rule_text}",
    ),
    "more-staff-than-windows": (
        "{window}：方案设 {count} 个窗口，配 {staff} 名工作人员，人多于窗口",
        "{window}: the plan gives {count} windows and {staff} staff, more people than windows",
    ),
    "unknown-window": (
        "没有 id 为“{id}”的窗口类别{close}；窗口类别在 windows.yaml 的 windows 中定义",
        "no window category has the id '{id}'{close}; window categories are defined in windows.yaml",
    ),
    "unknown-person": (
        "replaces 所指的“{name}”不在名册中（应写被接替人的姓名或工号）",
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
    "duplicate-deadline-for": (
        "任务 {first} 已标为 deadline_for: {rule}",
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
        "{window}: the plan gives {count} windows but only {staff} staff, so some window stays empty",
    ),
    "double-posting": (
        "{name}已在{other_window}（{other_unit}，第 {first} 行）在岗，又登记在{window}（{unit}）；"
        "窗口工作人员是专职的",
        "{name} is in post at {other_window} ({other_unit}, line {first}) and again at {window} "
        "({unit}); window staff are full-time",
    ),
    "no-chief": (
        "{unit}应有首席代表 {expected} 名，在岗 {found} 名",
        "{unit} should have {expected} chief representative(s), {found} in post",
    ),
    "several-chiefs": (
        "{unit}只应有首席代表 {expected} 名，在岗 {found} 名：{names}",
        "{unit} should have {expected} chief representative(s), {found} in post: {names}",
    ),
    "replacement-not-approved": (
        "{name}于 {since} 接替{replaces}，没有行政服务中心的事先同意（approved_by_centre）",
        "{name} replaced {replaces} on {since} without the centre's prior approval (approved_by_centre)",
    ),
    "replacement-not-approved:late": (
        "{name}于 {since} 接替{replaces}，行政服务中心到 {approved} 才同意，不是事先同意",
        "{name} replaced {replaces} on {since}; the centre approved only on {approved}, not in advance",
    ),
    "untrained": (
        "{name}在培训期限 {deadline} 之后仍在岗，没有培训记录（trained_on）",
        "{name} is in post after the training deadline {deadline} without training (trained_on)",
    ),
    "posted-late": (
        "{name}于 {since} 才首次到岗，晚于到岗期限 {deadline}",
        "{name} was first posted on {since}, after the deadline {deadline}",
    ),
}

TERMS: dict[str, tuple[str, str]] = {
    "staff": ("工作人员", "staff"),
    "reviewer": ("审核人员", "reviewers"),
    "chief": ("首席代表", "chief representative"),
    "task": ("任务", "task"),
    "goal": ("目标", "goal"),
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
        "统计日，默认今天。可写 2020-06-05 / 2020/6/5 / 2020年6月5日 / today / +3d / -1w。",
        "The day to report for (default today): 2020-06-05 / 2020/6/5 / 2020年6月5日 / today / +3d / -1w.",
    ),
    "help.format": (
        "输出格式：table 表格（默认）/ json。",
        "Output format: table (default) or json.",
    ),
    "help.format_findings": (
        "输出格式：table 表格 / json / github（GitHub Actions 注释，在 GitHub Actions 中默认使用）。",
        "Output format: table, json or github (GitHub Actions annotations; the default inside GitHub Actions).",
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
        "达到此级别的问题使退出码为 1：error / warning / info / never。",
        "Exit 1 when a finding reaches this severity: error / warning / info / never.",
    ),
    "help.fail_on_status": (
        "有此状态的任务时退出码为 1：overdue 逾期 / blocked 受阻或逾期 / due-soon 即将到期、受阻或逾期 / never 从不。",
        "Exit 1 when a task is in this state: overdue / blocked (or overdue) / due-soon (or blocked or overdue) / never.",
    ),
    "help.soon": (
        "剩余天数不超过 N 天即为“即将到期”。",
        "Days left at which a task is due soon.",
    ),
    "help.unit": (
        "只看一个单位（id、名称或别称）的任务。",
        "Only one unit's obligations (id, name or alias).",
    ),
    "help.goal": (
        "列出第 N 项年度目标各责任单位的进度。",
        "List each responsible unit's progress on goal N.",
    ),
    "help.task": (
        "列出第 N 项任务各责任单位的进度。",
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
    "usage.needs_value": ("选项 {name} 需要一个值。", "Option {name} needs a value."),
    "usage.no_value": ("选项 {name} 不接受值。", "Option {name} does not take a value."),
    "usage.bad_value": ("{name} 的值无效：{detail}", "Invalid value for {name}: {detail}"),
    "usage.bad_value:plain": ("{name} 的值无效。", "Invalid value for {name}."),
    "usage.integer": ("应为整数", "a whole number is expected"),
    "usage.bad_choice": (
        "{name} 的值“{value}”无效；可选：{choices}",
        "Invalid value '{value}' for {name}; choose from {choices}",
    ),
    "usage.not_negative": ("不能为负数", "it cannot be negative"),
    "usage.extra": ("多余的参数：{args}", "Unexpected extra argument(s): {args}"),
    "usage.bad_day": (
        "无法识别的日期“{value}”；可写 2020-06-05、2020/6/5、2020年6月5日、today、+3d、-1w",
        "'{value}' is not a day; write 2020-06-05, 2020/6/5, 2020年6月5日, today, +3d or -1w",
    ),
    "usage.bad_lang": (
        "{name} 只能是 zh 或 en，而不是“{value}”",
        "{name} must be zh or en, not '{value}'",
    ),
    "usage.no_unit": (
        "没有单位“{value}”（可用 id、名称或别称）",
        "No unit '{value}' (give its id, name or alias)",
    ),
    "usage.not_responsible": (
        "单位“{unit}”不是第 {number} 项任务的责任单位",
        "Unit '{unit}' is not responsible for task {number}",
    ),
    "usage.no_goal": ("没有第 {value} 项年度目标", "There is no goal {value}"),
    "usage.ambiguous_unit": (
        "“{value}”可指几个单位（{ids}）；请用 id，并改正 windows.yaml 中重复的名称",
        "'{value}' names several units ({ids}); give the id, and fix the duplicate name in windows.yaml",
    ),
    "usage.unit_is_group": (
        "“{value}”是单位组；--unit 要写其中的一个单位",
        "'{value}' is a group; --unit takes one of its units",
    ),
    "usage.data_and_paths": ("--data 和 PATH 只能用一个", "Give either --data or PATH, not both"),
    "usage.path_missing": ("找不到 {path}", "{path} does not exist"),
    "usage.os_error": ("系统拒绝了这次操作：{reason}", "The system refused: {reason}"),
    "usage.no_task": ("没有第 {value} 项任务", "There is no task {value}"),
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
        "{path} 不是数据文件（应为 windows.yaml、tasks.yaml 或 staff.yaml）",
        "{path} is not a data file (windows.yaml, tasks.yaml or staff.yaml)",
    ),
    "data.unusable": (
        "数据有误，无法{action}；运行 hsreform validate 查看全部问题。",
        "The data has errors, so {action} cannot run; see hsreform validate.",
    ),
    "action.status": ("统计进度", "status"),
    "action.check_staffing": ("检查人员", "check-staffing"),
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
    "unit.not_started": ("未开始", "not started"),
    "unit.in_progress": ("进行中", "in progress"),
    "unit.done": ("已完成", "done"),
    "unit.blocked": ("受阻", "blocked"),
    "days.left": ("剩{n}天", "{n} days left"),
    "days.today": ("今天到期", "due today"),
    "days.overdue": ("逾期{n}天", "{n} days overdue"),
    "days.late": ("晚{n}天", "{n} days late"),
    # status report
    "status.title": ("{plan} 落实进度（截至 {as_of}）", "{plan}: progress as of {as_of}"),
    "status.title_unit": ("{unit}的任务（截至 {as_of}）", "Tasks of {unit} as of {as_of}"),
    "status.goals": ("年度目标", "Year-end goals"),
    "col.number": ("序号", "No."),
    "col.task": ("任务", "Task"),
    "col.goal": ("目标", "Goal"),
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
    "task.title": ("第 {number} 项：{title}", "Task {number}: {title}"),
    "task.meta": (
        "截止 {deadline}，{days}；状态：{state}；完成 {done}/{total} 个单位",
        "deadline {deadline}, {days}; state: {state}; {done}/{total} units done",
    ),
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


def _prepare(code: str, lang: str, params: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: _render(v, lang) for k, v in params.items()}
    for key in ("role", "expected", "hint", "origin", "kind"):
        if key in params and isinstance(params[key], str):
            out[key] = term(params[key], lang)
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
            "training": ("人员是否受训（untrained）", "training (untrained)"),
        }
        out["rule_text"] = rule_text.get(str(params.get("rule")), ("", ""))[_lang_index(lang)]
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
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    raise ValueError(value)
