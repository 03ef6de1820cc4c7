"""Read an untrusted spreadsheet (.xlsx or .csv) into numbered rows of cells, within limits.

This is the one reader of spreadsheets that come from outside (a department's item list for
`items import`, a returned form): every limit is enforced while reading, so a file within
them costs at most a second and some tens of MB, and a file past them is refused as soon as
the limit is passed, not after everything was built.

Departments keep their item lists in spreadsheets: the platform exports .xlsx, offices pass
.csv around, saved by Excel or WPS in UTF-8 (often with a BOM) or in GBK. A .csv is read as
UTF-8 when it decodes strictly as UTF-8, else as GBK (GB18030, its superset), and the sheet
says which; a .csv is one sheet, named after the file.

An .xlsx is a zip archive of XML parts, read here with `zipfile` and expat, streaming:

- the file, each part unpacked, all parts unpacked, the rows, the cells and the shared
  strings (count and size) are capped; the sheet's `<dimension>` is not trusted, rows and
  cells are counted as they come;
- a part with a DTD or an entity declaration is refused (no entity is ever expanded), and so
  is truncated or malformed XML, a shared-string index out of range, a cell reference that
  does not parse;
- a formula is never evaluated: its cached value, if any, is what is read, and text that
  starts with `=` stays text;
- styles are read only to know which number formats are dates (a number in such a cell is
  read as a date, as Excel shows it); a styles part that cannot be read leaves numbers as
  numbers;
- columns past `MAX_COLUMNS` are left out (a sheet formatted out to column XFD claims
  16,384), and the sheet says so.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import os
import posixpath
import re
import stat
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from hsreform.common.errors import HsreformError

MAX_SHEET_BYTES = 20 * 1024 * 1024
"""Largest spreadsheet file read."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Largest total an .xlsx (a zip archive) may unpack to."""
MAX_PART_BYTES = 100 * 1024 * 1024
"""Largest size one part of an .xlsx may unpack to."""
MAX_PARTS = 10_000
"""Most parts (files) in an .xlsx."""
MAX_ROWS = 20_000
"""Most rows read from one sheet."""
MAX_COLUMNS = 200
"""Most columns read from one row."""
MAX_CELLS = 200_000
"""Most cells (`<c>` elements, empty or not) read from one workbook: 10,000 rows of 20, or
20,000 of 10 (a county department's catalogue has hundreds of rows of a dozen columns)."""
MAX_SHARED_STRINGS = 100_000
"""Most shared strings an .xlsx may hold."""
MAX_SHARED_CHARS = 20_000_000
"""Most characters all the shared strings of an .xlsx may hold together."""
MAX_CELL_CHARS = 32_767
"""Most characters of one cell (Excel's own limit)."""
MAX_SHEETS = 255
"""Most sheets a workbook may name."""
_CHUNK = 64 * 1024

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | None


@dataclass(frozen=True)
class Sheet:
    """One sheet of a spreadsheet: each row with its number as the spreadsheet shows it."""

    display: str
    format: str
    """'xlsx' or 'csv'."""
    encoding: str | None
    """For a .csv: 'UTF-8', 'UTF-8 BOM' or 'GBK'."""
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    columns_cut: bool = False
    """The sheet has cells past `MAX_COLUMNS` columns; only the first ones were read."""
    name: str = ""
    """The sheet's name in its workbook (a .csv: the file's name without its suffix)."""


def read_sheet(path: Path, display: str) -> Sheet:
    """The first sheet of an .xlsx, or a .csv, as numbered rows; `HsreformError` if it cannot be."""
    raw, suffix = _open(path, display)
    if suffix == ".csv":
        return _csv(raw, display, path.stem)
    with _Workbook(raw, display) as book:
        if not book.sheets:
            raise HsreformError("sheet.no_sheet", path=display)
        name, part = book.sheets[0]
        return book.sheet(name, part)


def read_sheets(path: Path, display: str, names: Sequence[str] | None = None) -> dict[str, Sheet]:
    """The sheets `names` (all when None) of an .xlsx, in workbook order; a .csv is one sheet.

    A name the workbook does not have is refused (`sheet.missing`), naming the ones it has.
    """
    raw, suffix = _open(path, display)
    if suffix == ".csv":
        sheet = _csv(raw, display, path.stem)
        if names is not None and any(n != sheet.name for n in names):
            missing = next(n for n in names if n != sheet.name)
            raise HsreformError("sheet.missing", path=display, name=missing, names=[sheet.name])
        return {sheet.name: sheet}
    with _Workbook(raw, display) as book:
        have = [name for name, _ in book.sheets]
        if names is not None:
            for wanted in names:
                if wanted not in have:
                    raise HsreformError("sheet.missing", path=display, name=wanted, names=have)
        wanted_set = set(have if names is None else names)
        return {name: book.sheet(name, part) for name, part in book.sheets if name in wanted_set}


def sheet_names(path: Path, display: str) -> list[str]:
    """The names of the sheets of an .xlsx in workbook order; of a .csv, its one sheet."""
    raw, suffix = _open(path, display)
    if suffix == ".csv":
        return [path.stem]
    with _Workbook(raw, display) as book:
        return [name for name, _ in book.sheets]


def _open(path: Path, display: str) -> tuple[bytes, str]:
    """The file's bytes (at most `MAX_SHEET_BYTES`): a regular file, opened without blocking."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise HsreformError("sheet.format", path=display)
    try:
        # O_NONBLOCK: a FIFO in place of the file must not hang the open; it is refused below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise HsreformError("usage.path_missing", path=display) from None
    except IsADirectoryError:
        raise HsreformError("sheet.not_a_file", path=display) from None
    except OSError as exc:
        raise HsreformError("sheet.unreadable", path=display, reason=exc.strerror) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # a FIFO, a device, a folder: refused unread
        os.close(fd)
        raise HsreformError("sheet.not_a_file", path=display)
    with os.fdopen(fd, "rb") as stream:
        if info.st_size > MAX_SHEET_BYTES:
            raise HsreformError(
                "sheet.too_large", path=display, size=info.st_size, limit=MAX_SHEET_BYTES
            )
        try:
            raw = stream.read(MAX_SHEET_BYTES + 1)
        except OSError as exc:
            raise HsreformError("sheet.unreadable", path=display, reason=exc.strerror) from None
    if len(raw) > MAX_SHEET_BYTES:  # grew since the stat
        raise HsreformError("sheet.too_large", path=display, size=len(raw), limit=MAX_SHEET_BYTES)
    return raw, suffix


# .csv ----------------------------------------------------------------------------------


def _csv(raw: bytes, display: str, name: str) -> Sheet:
    text, encoding = decode_csv(raw, display)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    start = 1
    cells = 0
    try:
        for record in reader:
            if len(rows) >= MAX_ROWS:
                raise HsreformError("sheet.too_many_rows", path=display, limit=MAX_ROWS)
            if len(record) > MAX_COLUMNS:
                raise HsreformError(
                    "sheet.too_many_columns", path=display, row=start, limit=MAX_COLUMNS
                )
            cells += len(record)
            if cells > MAX_CELLS:
                raise HsreformError("sheet.too_many_cells", path=display, limit=MAX_CELLS)
            rows.append((start, tuple(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise HsreformError("sheet.csv_syntax", path=display, row=start, detail=str(exc)) from None
    return Sheet(display, "csv", encoding, tuple(rows), name=name)


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


# .xlsx ---------------------------------------------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_SEP = "\x01"
"""Between a namespace and a local name in expat's element names."""
_REF = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_BUILTIN_DATES = frozenset({*range(14, 23), *range(45, 48), *range(27, 37), *range(50, 59)})
"""Built-in number formats that show a date or a time (Excel's, and the East Asian ones)."""
_DATE_CODE = re.compile(r"[ymdhs]|上午|下午|年|月|日")
_NOT_CODE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_EPOCH = dt.datetime(1899, 12, 30)
_EPOCH_1904 = dt.datetime(1904, 1, 1)


class _Refused(Exception):
    """A part cannot be read: the catalogue key and its fields (without the path)."""

    def __init__(self, key: str, **fields: Any) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


@functools.lru_cache(maxsize=512)
def _local(name: str) -> str:
    """An element's name without its namespace (cached: called twice per element)."""
    return name.rpartition(_SEP)[2]


def _parse(
    stream: _Capped,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    chars: Callable[[str], None] | None = None,
) -> None:
    """Stream `stream` through expat, refusing a DTD or an entity declaration."""
    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def forbidden(*_: Any) -> None:
        raise _Refused("sheet.xml_dtd")

    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.UnparsedEntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = _no_external
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if chars is not None:
        parser.CharacterDataHandler = chars
    parser.buffer_text = True
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise _Refused(
            "sheet.xml_syntax", line=exc.lineno, detail=expat.ErrorString(exc.code)
        ) from None


def _no_external(*_: Any) -> int:
    raise _Refused("sheet.xml_dtd")


class _Capped:
    """A part of the archive, read through a running count against the unpacked limits."""

    def __init__(self, inner: IO[bytes], book: _Workbook) -> None:
        self._inner = inner
        self._book = book
        self._read = 0

    def read(self, size: int) -> bytes:
        data = self._inner.read(size)
        self._read += len(data)
        self._book.unpacked += len(data)
        if self._read > MAX_PART_BYTES or self._book.unpacked > MAX_UNPACKED_BYTES:
            raise HsreformError(
                "sheet.unpacks_too_large",
                path=self._book.display,
                size=self._book.unpacked,
                limit=MAX_UNPACKED_BYTES,
            )
        return data


class _Workbook:
    """An open .xlsx: its sheets (name, part) in order, shared strings and date styles read
    when a sheet is first asked for."""

    def __init__(self, raw: bytes, display: str) -> None:
        self.display = display
        self.unpacked = 0
        self.cells = 0
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(raw))
            infos = self.archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            raise HsreformError("sheet.not_xlsx", path=display) from None
        if len(infos) > MAX_PARTS:
            raise HsreformError("sheet.not_xlsx", path=display)
        claimed = sum(info.file_size for info in infos)
        if claimed > MAX_UNPACKED_BYTES or any(i.file_size > MAX_PART_BYTES for i in infos):
            raise HsreformError(
                "sheet.unpacks_too_large", path=display, size=claimed, limit=MAX_UNPACKED_BYTES
            )
        self.parts = {info.filename for info in infos}
        self.date1904 = False
        self._strings: list[str] | None = None
        self._dates: frozenset[int] | None = None
        self.sheets = self._guarded("xl/workbook.xml", self._workbook)

    def __enter__(self) -> _Workbook:
        return self

    def __exit__(self, *_: object) -> None:
        self.archive.close()

    def _guarded(self, part: str, read: Callable[[], Any]) -> Any:
        """`read()`, its refusals and damaged archives turned into one message naming `part`."""
        try:
            return read()
        except _Refused as refused:
            raise HsreformError(
                refused.key, path=self.display, part=part, **refused.fields
            ) from None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
            # a bad CRC, a truncated member, an encrypted one, a damaged deflate stream
            raise HsreformError(
                "sheet.xml_syntax", path=self.display, part=part, line=0, detail=str(exc)[:200]
            ) from None

    def _part(self, name: str) -> _Capped:
        if name not in self.parts:
            raise _Refused("sheet.part_missing")
        return _Capped(self.archive.open(name), self)

    def _workbook(self) -> list[tuple[str, str]]:
        targets: dict[str, str] = {}

        def relation(name: str, attrs: dict[str, str]) -> None:
            if _local(name) == "Relationship" and "Id" in attrs and "Target" in attrs:
                targets[attrs["Id"]] = attrs["Target"]

        if "xl/_rels/workbook.xml.rels" in self.parts:
            _parse(self._part("xl/_rels/workbook.xml.rels"), relation)
        sheets: list[tuple[str, str]] = []

        def element(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "workbookPr":
                self.date1904 = attrs.get("date1904", "0").lower() in ("1", "true")
            elif local == "sheet":
                if len(sheets) >= MAX_SHEETS:
                    raise _Refused("sheet.too_many_sheets", limit=MAX_SHEETS)
                rel = attrs.get(_REL + _SEP + "id") or attrs.get(_STRICT_REL + _SEP + "id")
                target = targets.get(rel or "", "")
                if target.startswith("/"):
                    part = target.lstrip("/")
                else:
                    part = posixpath.normpath(posixpath.join("xl", target)) if target else ""
                sheets.append((attrs.get("name", ""), part))

        _parse(self._part("xl/workbook.xml"), element)
        return sheets

    def strings(self) -> list[str]:
        """The shared strings, read once, within the limits."""
        if self._strings is None:
            part = next(
                (p for p in ("xl/sharedStrings.xml", "xl/SharedStrings.xml") if p in self.parts),
                None,
            )
            self._strings = [] if part is None else self._guarded(part, lambda: self._shared(part))
        return self._strings

    def _shared(self, part: str) -> list[str]:
        strings: list[str] = []
        current: list[str] = []
        state = {"in_t": False, "skip": 0, "chars": 0, "in_si": False}

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "si":
                if len(strings) >= MAX_SHARED_STRINGS:
                    raise _Refused("sheet.too_many_strings", limit=MAX_SHARED_STRINGS)
                current.clear()
                state["in_si"] = True
            elif local in ("rPh", "phoneticPr"):  # phonetic guides: not the cell's text
                state["skip"] += 1
            elif local == "t":
                state["in_t"] = True

        def end(name: str) -> None:
            local = _local(name)
            if local == "si":
                strings.append("".join(current))
                state["in_si"] = False
            elif local in ("rPh", "phoneticPr"):
                state["skip"] -= 1
            elif local == "t":
                state["in_t"] = False

        def chars(data: str) -> None:
            if state["in_t"] and not state["skip"] and state["in_si"]:
                state["chars"] += len(data)
                if state["chars"] > MAX_SHARED_CHARS:
                    raise _Refused("sheet.strings_too_large", limit=MAX_SHARED_CHARS)
                current.append(data)

        _parse(self._part(part), start, end, chars)
        return strings

    def dates(self) -> frozenset[int]:
        """The style indexes (`s` of a cell) whose number format shows a date or a time."""
        if self._dates is None:
            self._dates = frozenset()
            if "xl/styles.xml" in self.parts:
                try:
                    self._dates = self._styles()
                except _Refused as refused:
                    if refused.key == "sheet.xml_dtd":
                        raise HsreformError(
                            refused.key, path=self.display, part="xl/styles.xml"
                        ) from None
                    # other damage: styles only tell dates from numbers; numbers stay numbers
                except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError):
                    pass
        return self._dates

    def _styles(self) -> frozenset[int]:
        custom: dict[int, bool] = {}
        formats: list[int] = []
        depth = {"xfs": False}

        def start(name: str, attrs: dict[str, str]) -> None:
            local = _local(name)
            if local == "numFmt":
                code = _NOT_CODE.sub("", attrs.get("formatCode", ""))
                with contextlib.suppress(ValueError):
                    custom[int(attrs.get("numFmtId", "-1"))] = bool(_DATE_CODE.search(code))
            elif local == "cellXfs":
                depth["xfs"] = True
            elif local == "xf" and depth["xfs"]:
                if len(formats) >= MAX_CELLS:
                    raise _Refused("sheet.too_many_cells", limit=MAX_CELLS)
                try:
                    formats.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    formats.append(0)

        def end(name: str) -> None:
            if _local(name) == "cellXfs":
                depth["xfs"] = False

        _parse(self._part("xl/styles.xml"), start, end)
        return frozenset(i for i, f in enumerate(formats) if custom.get(f, f in _BUILTIN_DATES))

    def sheet(self, name: str, part: str) -> Sheet:
        """The rows of sheet `name` (stored in `part`)."""
        self.dates()  # every part is checked for a DTD, styles too, used or not
        rows, cut = self._guarded(part, lambda: self._rows(part))
        return Sheet(self.display, "xlsx", None, rows, columns_cut=cut, name=name)

    def _rows(self, part: str) -> tuple[tuple[tuple[int, tuple[Cell, ...]], ...], bool]:
        reader = _Rows(self)
        _parse(self._part(part), reader.start, reader.end, reader.chars)
        return tuple(reader.rows), reader.cut

    def value(self, cell: dict[str, Any], raw: str, row: int) -> Cell:
        """A cell's value from its type, style and the text read."""
        kind = cell["t"]
        if len(raw) > MAX_CELL_CHARS:
            raise _Refused("sheet.cell_too_long", row=row, limit=MAX_CELL_CHARS)
        if kind == "inlineStr":
            return raw or None
        if raw == "":
            return None
        if kind == "s":
            strings = self.strings()
            try:
                index = int(raw)
            except ValueError:
                index = -1
            if not 0 <= index < len(strings):
                raise _Refused("sheet.bad_string_index", row=row, index=raw[:20])
            return strings[index]
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            try:
                return dt.datetime.fromisoformat(raw.strip())
            except ValueError:
                return raw
        number: int | float
        try:
            number = float(raw) if "." in raw or "e" in raw or "E" in raw else int(raw)
        except ValueError:
            raise _Refused("sheet.bad_number", row=row, value=raw[:20]) from None
        style = cell["s"]
        if style is not None and style.isdigit() and int(style) in self.dates():
            return self._date(number)
        return number

    def _date(self, serial: float) -> Cell:
        """Excel's day number as a date and time (a number outside the calendar stays one)."""
        if not -1e6 < serial < 3e6:
            return serial
        if 0 <= serial < 1 and not self.date1904:  # a time of day without a day
            return (dt.datetime.min + dt.timedelta(seconds=round(serial * 86_400))).time()
        if not self.date1904 and serial < 60:
            serial += 1  # Excel counts a 29 February 1900 that never was
        epoch = _EPOCH_1904 if self.date1904 else _EPOCH
        return epoch + dt.timedelta(seconds=round(serial * 86_400))


class _Rows:
    """The expat handlers that read a sheet's rows, and what they have read so far."""

    def __init__(self, book: _Workbook) -> None:
        self.book = book
        self.rows: list[tuple[int, tuple[Cell, ...]]] = []
        self.cut = False
        self.cells: list[Cell] = []
        self.row = 0
        self.column = 0
        self.cell: dict[str, Any] = {}
        """The cell being read: its type, style and column."""
        self.text: list[str] = []
        """The text of its <v> or <is><t>."""
        self.length = 0
        self.where = {"v": False, "t": False, "is": False, "row": False}

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "row":
            if len(self.rows) >= MAX_ROWS:
                raise _Refused("sheet.too_many_rows", limit=MAX_ROWS)
            self.row = _number(attrs.get("r"), self.row + 1)
            self.cells = []
            self.column = 0
            self.where["row"] = True
        elif local == "c" and self.where["row"]:
            self._cell(attrs)
        elif local in ("v", "is"):
            self.where[local] = True
        elif local == "t" and self.where["is"]:
            self.where["t"] = True

    def _cell(self, attrs: dict[str, str]) -> None:
        self.book.cells += 1
        if self.book.cells > MAX_CELLS:
            raise _Refused("sheet.too_many_cells", limit=MAX_CELLS)
        ref = attrs.get("r")
        if ref is None:
            self.column += 1
        else:
            found = _REF.fullmatch(ref)
            if found is None:
                raise _Refused("sheet.bad_reference", row=self.row, ref=ref[:20])
            self.column = _column(found.group(1))
        self.cell = {"t": attrs.get("t", "n"), "s": attrs.get("s"), "col": self.column}
        self.text = []
        self.length = 0

    def chars(self, data: str) -> None:
        if self.where["v"] or self.where["t"]:
            self.text.append(data)
            self.length += len(data)
            if self.length > MAX_CELL_CHARS:
                raise _Refused("sheet.cell_too_long", row=self.row, limit=MAX_CELL_CHARS)

    def end(self, name: str) -> None:
        local = _local(name)
        if local in ("v", "t", "is"):
            self.where[local] = False
        elif local == "c" and self.cell:
            value = self.book.value(self.cell, "".join(self.text), self.row)
            col = self.cell["col"]
            if col > MAX_COLUMNS:
                self.cut = self.cut or value is not None
            elif value is not None:
                self.cells.extend([None] * (col - len(self.cells)))
                self.cells[col - 1] = value
            self.cell = {}
        elif local == "row":
            self.where["row"] = False
            self.rows.append((self.row, tuple(self.cells)))


def _number(text: str | None, default: int) -> int:
    if text is None:
        return default
    try:
        number = int(text)
    except ValueError:
        raise _Refused("sheet.bad_reference", row=default, ref=text[:20]) from None
    if not 1 <= number <= 1_048_576:
        raise _Refused("sheet.bad_reference", row=default, ref=text[:20])
    return number


def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
