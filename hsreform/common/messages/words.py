"""Single words: roles, enumerated values, the system's reasons for a failed file operation, field names."""

from __future__ import annotations

import errno

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
