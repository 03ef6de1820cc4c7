"""The command line: help texts, placeholders, defaults and usage errors (T)."""

from __future__ import annotations

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
}
