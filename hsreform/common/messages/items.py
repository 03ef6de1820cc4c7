"""The item catalogue: items, items import, authorize (T)."""

from __future__ import annotations

T: dict[str, tuple[str, str]] = {
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
