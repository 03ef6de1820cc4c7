"""A 报送表 (`hsreform.views.forms.Form`) as the Excel workbook a unit fills in.

Each data sheet has its header row in row 1, frozen, the pre-filled rows below, then blank
rows where the unit may add people or items. What the unit must not change (编号, names,
deadlines, the 工号 and 姓名 of people on the roster, the names and codes of items) is
locked, and the sheet protected without a password (the protection guards against slips,
not against the unit: collect compares every return with the form it came from). Widening
columns, sorting and filtering stay allowed. Choices are drop-downs (状态, 已满足, 角色,
进驻状态, ...), dates are date cells with a date validation, and every sheet prints on A4
(the ledger's print setup, `report/xlsx.py`). Text from the data goes through `cell()`
(no text becomes a formula).

The hidden sheet `hsreform` carries what collect needs: the form's version, the data set
it was made from (`dataset`, `fingerprint`), the day, the unit, and each pre-filled row as
it was written (JSON), keyed as `forms.Form.originals` keys it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from hsreform.common.i18n import text
from hsreform.report.document import Document
from hsreform.report.xlsx import BORDER, DATE_FORMAT, HEADER_FILL, _print_setup, cell
from hsreform.views import forms
from hsreform.views.forms import Form, Value

LOCKED_FILL = PatternFill(fill_type="solid", fgColor="FFF2F2F2")
"""Cells the unit may not change are grey."""
WIDTHS = {"名称": 40, "要求": 30, "佐证": 30, "备注": 24, "事项名称": 36, "设定依据": 30}
DATE_COLUMNS = frozenset(
    {"截止日期", "日期", "满足日期", "到岗日期", "受训日期", "离岗日期", "中心同意日期"}
)
CHOICES: dict[str, tuple[str, ...]] = {
    "状态": forms.STATE_CHOICES,
    "已满足": (forms.YES, forms.NO),
    "角色": tuple(forms.ROLE_WORDS.values()),
    "进驻状态": tuple(forms.ITEM_STATUS_WORDS.values()),
    "是否收费": (forms.YES, forms.NO),
    "事项类型": tuple(forms.ITEM_KIND_WORDS.values()),
}


def _styles(book: Workbook) -> None:
    """The cell styles of a form, registered once: a cell takes one by name (setting font,
    fill, border, alignment and protection one by one costs most of writing a form)."""
    for locked in (True, False):
        for date in (True, False):
            style = NamedStyle(name=_style_name(locked=locked, date=date))
            style.border = BORDER
            style.alignment = Alignment(vertical="top", wrap_text=True)
            style.protection = Protection(locked=locked)
            if locked:
                style.fill = LOCKED_FILL
            if date:
                style.number_format = DATE_FORMAT
            book.add_named_style(style)
    header = NamedStyle(name="hsreform-header")
    header.font = Font(bold=True)
    header.fill = HEADER_FILL
    header.border = BORDER
    header.protection = Protection(locked=True)
    book.add_named_style(header)


def _style_name(*, locked: bool, date: bool) -> str:
    return f"hsreform-{'locked' if locked else 'open'}-{'date' if date else 'text'}"


def _put(ws: Worksheet, row: int, column: int, value: Value, *, locked: bool, date: bool) -> None:
    target = ws.cell(row=row, column=column)
    if isinstance(value, str):
        target.value = cell(value)
        target.data_type = "s"
    else:
        target.value = value
    target.style = _style_name(locked=locked, date=date or isinstance(value, dt.date))


def _validations(ws: Worksheet, headers: Sequence[str], last: int, day: dt.date) -> None:
    for n, header in enumerate(headers, 1):
        column = get_column_letter(n)
        span = f"{column}2:{column}{max(last, 2)}"
        if header in CHOICES:
            check = DataValidation(
                type="list", formula1='"' + ",".join(CHOICES[header]) + '"', allow_blank=True
            )
        elif header in DATE_COLUMNS and header != "截止日期":
            check = DataValidation(
                type="date",
                operator="between",
                formula1="DATE(2000,1,1)",
                formula2="DATE(2099,12,31)",
                allow_blank=True,
            )
        else:
            continue
        check.error = text("form.invalid_cell", "zh", column=header)
        check.errorTitle = header
        check.showErrorMessage = True
        ws.add_data_validation(check)
        check.add(span)


def _sheet(
    book: Workbook,
    doc: Document,
    name: str,
    headers: Sequence[str],
    rows: Sequence[tuple[Value, ...]],
    editable_from: int,
    blank: int,
) -> Worksheet:
    ws: Worksheet = book.create_sheet(name)
    dates = [header in DATE_COLUMNS for header in headers]
    for n, header in enumerate(headers, 1):
        ws.cell(row=1, column=n, value=header).style = "hsreform-header"
    for r, values in enumerate(rows, 2):
        for n, value in enumerate(values, 1):
            _put(ws, r, n, value, locked=n - 1 < editable_from, date=dates[n - 1])
    for r in range(len(rows) + 2, len(rows) + 2 + blank):
        for n in range(1, len(headers) + 1):
            _put(ws, r, n, None, locked=False, date=dates[n - 1])
    last = len(rows) + 1 + blank
    for n, header in enumerate(headers, 1):
        texts = [header, *(forms.cell_text(r[n - 1]) for r in rows)]
        width = WIDTHS.get(header, min(max(cell_len(t) for t in texts) + 2, 24))
        ws.column_dimensions[get_column_letter(n)].width = max(width, 8)
    ws.freeze_panes = "A2"
    _validations(ws, headers, last, doc.as_of or dt.date.today())
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False  # widening columns, sorting and filtering stay allowed
    protection.formatRows = False
    protection.sort = False
    protection.autoFilter = False
    _print_setup(ws, doc, header_row=1)
    return ws


def _guide(book: Workbook, doc: Document, form: Form) -> None:
    ws = book.create_sheet(forms.SHEET_GUIDE)
    ws.column_dimensions["A"].width = 100
    ws.cell(row=1, column=1, value=cell(doc.title)).font = Font(bold=True, size=14)
    lines = guide_lines(form)
    for n, line in enumerate(lines, 3):
        target = ws.cell(row=n, column=1, value=cell(line))
        target.data_type = "s"
        target.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[n].height = 16 * max(1, -(-cell_len(line) // 96))
    _print_setup(ws, doc, header_row=None)


def guide_lines(form: Form) -> list[str]:
    """The 说明 sheet: what to fill in and how, the unit, the day, whom to send it back to."""
    keys = ["form.guide_unit", "form.guide_day", "form.guide_return", "form.guide_progress"]
    keys += ["form.guide_requirements"]
    if form.staff is not None:
        keys.append("form.guide_staff")
    keys += ["form.guide_items", "form.guide_locked", "form.guide_rows"]
    params = {
        "unit": form.name,
        "day": form.day.isoformat(),
        "centre": forms.RETURN_TO,
        "plan": form.plan,
        "file": form.file_name,
    }
    return [text(k, "zh", **params) for k in keys]


def _meta(book: Workbook, form: Form) -> None:
    ws = book.create_sheet(forms.SHEET_META)
    pairs: list[tuple[str, str]] = [
        ("form", str(forms.FORM_VERSION)),
        ("dataset", form.dataset_id),
        ("fingerprint", form.fingerprint),
        ("day", form.day.isoformat()),
        ("unit", form.unit),
    ]
    for r, (key, value) in enumerate(pairs, 1):
        ws.cell(row=r, column=1, value=key).data_type = "s"
        ws.cell(row=r, column=2, value=value).data_type = "s"
    r = len(pairs) + 1
    for sheet, rows in form.originals().items():
        for key, values in rows.items():
            for n, value in enumerate(("row", sheet, key, json.dumps(values, ensure_ascii=False))):
                target = ws.cell(row=r, column=n + 1, value=cell(value))
                target.data_type = "s"
            r += 1
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def render(form: Form) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    for blank in list(book.worksheets):
        book.remove(blank)
    _styles(book)
    title = text("form.title", "zh", unit=form.name, day=form.day.isoformat())
    doc = Document(title, "zh", (), as_of=form.day)
    _guide(book, doc, form)
    edit = form.editable_from
    _sheet(
        book,
        doc,
        forms.SHEET_PROGRESS,
        forms.PROGRESS_HEADERS,
        form.progress,
        edit[forms.SHEET_PROGRESS],
        0,
    )
    _sheet(
        book,
        doc,
        forms.SHEET_REQUIREMENTS,
        forms.REQUIREMENT_HEADERS,
        form.requirements,
        edit[forms.SHEET_REQUIREMENTS],
        0,
    )
    if form.staff is not None:
        _sheet(
            book,
            doc,
            forms.SHEET_STAFF,
            forms.STAFF_HEADERS,
            form.staff,
            edit[forms.SHEET_STAFF],
            forms.BLANK_STAFF_ROWS,
        )
    _sheet(
        book,
        doc,
        forms.SHEET_ITEMS,
        forms.ITEM_HEADERS,
        form.items,
        edit[forms.SHEET_ITEMS],
        forms.BLANK_ITEM_ROWS,
    )
    _meta(book, form)
    book.active = 0
    book.properties.title = title
    book.properties.creator = "hsreform"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
