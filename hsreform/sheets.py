"""Read a spreadsheet (.xlsx or .csv) into numbered rows of cells, within stated limits.

Departments keep their item lists in spreadsheets: the platform exports .xlsx, offices pass
.csv around, saved by Excel or WPS in UTF-8 (often with a BOM) or in GBK. A .csv is read as
UTF-8 when it decodes strictly as UTF-8, else as GBK (GB18030, its superset), and the sheet
says which. An .xlsx is read with openpyxl in read-only mode with `data_only`: a formula is
never evaluated (its cached value, if any, is what is read) and text that starts with `=`
stays text. Sizes are capped before anything large is read: the file, the unpacked size of
an .xlsx (a zip bomb unpacks to gigabytes), rows and columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hsreform.errors import HsreformError

MAX_SHEET_BYTES = 20 * 1024 * 1024
"""Largest spreadsheet file read."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest total an .xlsx (a zip archive) may unpack to."""
MAX_ROWS = 20_000
"""Most rows read from one sheet."""
MAX_COLUMNS = 200
"""Most columns read from one row."""

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | None


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet's first sheet: each row with its number as the spreadsheet shows it."""

    display: str
    format: str
    """'xlsx' or 'csv'."""
    encoding: str | None
    """For a .csv: 'UTF-8', 'UTF-8 BOM' or 'GBK'."""
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    columns_cut: bool = False
    """The sheet claims more than `MAX_COLUMNS` columns; only the first ones were read."""


def read_sheet(path: Path, display: str) -> Sheet:
    """The first sheet of an .xlsx, or a .csv, as numbered rows; `HsreformError` if it cannot be."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise HsreformError("sheet.format", path=display)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise HsreformError("sheet.not_a_file", path=display)
    except FileNotFoundError:
        raise HsreformError("usage.path_missing", path=display) from None
    except OSError as exc:
        raise HsreformError("sheet.unreadable", path=display, reason=exc.strerror) from None
    if size > MAX_SHEET_BYTES:
        raise HsreformError("sheet.too_large", path=display, size=size, limit=MAX_SHEET_BYTES)
    if suffix == ".csv":
        return _csv(path, display)
    return _xlsx(path, display)


def _csv(path: Path, display: str) -> Sheet:
    raw = path.read_bytes()[: MAX_SHEET_BYTES + 1]
    text, encoding = decode_csv(raw, display)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    start = 1
    try:
        for record in reader:
            if len(rows) >= MAX_ROWS:
                raise HsreformError("sheet.too_many_rows", path=display, limit=MAX_ROWS)
            if len(record) > MAX_COLUMNS:
                raise HsreformError(
                    "sheet.too_many_columns", path=display, row=start, limit=MAX_COLUMNS
                )
            rows.append((start, tuple(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise HsreformError("sheet.csv_syntax", path=display, row=start, detail=str(exc)) from None
    return Sheet(display, "csv", encoding, tuple(rows))


def decode_csv(raw: bytes, display: str) -> tuple[str, str]:
    """The text of a .csv and its encoding: UTF-8 (with or without a BOM), else GBK."""
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 BOM"
        except UnicodeDecodeError:
            raise HsreformError("sheet.encoding", path=display) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise HsreformError("sheet.encoding_utf16", path=display)
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:  # GB18030 decodes everything GBK does, and the rare characters GBK lacks
        return raw.decode("gb18030"), "GBK"
    except UnicodeDecodeError:
        raise HsreformError("sheet.encoding", path=display) from None


def _xlsx(path: Path, display: str) -> Sheet:
    # Imported here: openpyxl takes a while to import, and only `items import` needs it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise HsreformError("sheet.not_xlsx", path=display) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise HsreformError(
            "sheet.unpacks_too_large", path=display, size=unpacked, limit=MAX_UNPACKED_BYTES
        )
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise HsreformError("sheet.not_xlsx", path=display) from None
    try:
        if not book.worksheets:
            raise HsreformError("sheet.no_sheet", path=display)
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        sheet: Any = book.worksheets[0]
        # A sheet formatted out to column XFD claims 16,384 columns: read the first ones only.
        wide = (sheet.max_column or 0) > MAX_COLUMNS
        found = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
        try:
            for number, values in enumerate(found, start=1):
                if number > MAX_ROWS:
                    raise HsreformError("sheet.too_many_rows", path=display, limit=MAX_ROWS)
                cells = tuple(values)
                while cells and cells[-1] is None:
                    cells = cells[:-1]
                rows.append((number, cells))
        finally:  # a sheet left half read keeps the file open until the collector finds it
            found.close()
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise HsreformError("sheet.not_xlsx", path=display, detail=str(exc)) from None
    finally:
        book.close()
    return Sheet(display, "xlsx", None, tuple(rows), columns_cut=wide)
