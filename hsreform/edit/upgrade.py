"""`hsreform upgrade-data`: bring a data set written for an earlier hsreform up to date.

Earlier data kept one undated checkbox per unit and task. The upgrade, each step only
where it is missing, and without touching any other byte of the files:

- dates every undated in-progress or blocked state with the day the user names (`--since`:
  when those states were recorded; nothing is guessed);
- gives each task and goal the plan's requirements from the bundled data, where its number
  and title match the plan's, and records a unit that was done as having met each of them
  on its `done_on` (done meant the whole task then);
- gives them, on the same terms, the plan's exception (`exceptions`: only the year-end
  goal has one, 除对场地有特殊要求的事项外; without it an exemption from the goal would be
  refused) and the bundled reading of whom a task charges (`charges`, task 4);
- adds the support duties of 六（二） and the reading of 窗口实行首席代表制 from the
  bundled data, with their comments.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from hsreform.common.errors import HsreformError
from hsreform.dataset.records import KINDS, TASKS, WINDOWS
from hsreform.edit.changes import Change
from hsreform.edit.nodes import insert_after
from hsreform.edit.roundtrip import Editable, read

UNDATED = ("in_progress", "blocked")


@dataclass
class Upgrade:
    """The files as they are and as they would be, and each change between them."""

    files: dict[Path, tuple[bytes, bytes]]
    changes: list[Change]


def plan_upgrade(root: Path, bundled: Path, since: dt.date | None) -> Upgrade:
    """What upgrading the data set in `root` would change; nothing is written here."""
    tasks = read(root / TASKS, TASKS)
    windows = read(root / WINDOWS, WINDOWS)
    plan = read(bundled / TASKS, TASKS).data
    changes: list[Change] = []
    changes += _requirements(tasks.data, plan)
    changes += _readings(tasks.data, plan)
    names = _names(windows.data)
    changes += _undated(tasks.data, since, names)
    changes += _met(tasks.data, _groups(windows.data), names)
    tasks_after = tasks.dumps()
    if isinstance(tasks.data, dict) and "duties" not in tasks.data:
        tasks_after = _append(tasks, tasks_after, _block(bundled / TASKS, "duties"))
        changes.append(Change("upgrade.duties", TASKS, None, {"n": len(plan.get("duties", []))}))
    windows_after = windows.dumps()
    if isinstance(windows.data, dict) and "chief_representatives" not in windows.data:
        windows_after = _append(
            windows, windows_after, _block(bundled / WINDOWS, "chief_representatives")
        )
        changes.append(Change("upgrade.chief_rule", WINDOWS))
    return Upgrade(
        {
            tasks.path: (tasks.original, tasks_after),
            windows.path: (windows.original, windows_after),
        },
        changes,
    )


def _items(data: Any) -> Iterator[tuple[str, Any]]:
    """(section, item) for every task, goal and duty of a round-trip tasks.yaml."""
    for section in KINDS:
        items = data.get(section) if isinstance(data, dict) else None
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                yield section, item


def _line(node: Any, key: str) -> int | None:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return None


def _requirements(data: Any, plan: Any) -> list[Change]:
    changes = []
    theirs = {(s, i.get("number")): i for s, i in _items(plan)}
    for section, item in _items(data):
        model = theirs.get((section, item.get("number")))
        if "requirements" in item or model is None or not model.get("requirements"):
            continue
        if item.get("title") != model.get("title"):
            continue  # a task of another plan: its requirements are not ours to give
        insert_after(
            item, ("deliverable", "title"), "requirements", copy.deepcopy(model["requirements"])
        )
        changes.append(
            Change(
                "upgrade.requirements",
                TASKS,
                _line(item, "number"),
                {"kind": KINDS[section], "number": item["number"], "n": len(model["requirements"])},
            )
        )
    return changes


READINGS = ("exceptions", "charges")
"""Keys of the plan's items that the upgrade adds where an item lacks them."""


def _readings(data: Any, plan: Any) -> list[Change]:
    """The plan's exception and the bundled readings, for items that match the plan's."""
    changes = []
    theirs = {(s, i.get("number")): i for s, i in _items(plan)}
    for section, item in _items(data):
        model = theirs.get((section, item.get("number")))
        if model is None or item.get("title") != model.get("title"):
            continue
        for key in READINGS:
            if key in item or key not in model:
                continue
            insert_after(item, ("responsible", "requirements", "deliverable"), key, model[key])
            changes.append(
                Change(
                    f"upgrade.{key}",
                    TASKS,
                    _line(item, "number"),
                    {"kind": KINDS[section], "number": item["number"], "value": model[key]},
                )
            )
    return changes


def _undated(data: Any, since: dt.date | None, names: dict[str, str]) -> list[Change]:
    undated = [
        (section, item, entry)
        for section, item in _items(data)
        for entry in _progress(item)
        if entry.get("status") in UNDATED and entry.get("since") is None
    ]
    if undated and since is None:
        raise HsreformError("usage.upgrade_needs_since", n=len(undated))
    changes = []
    for section, item, entry in undated:
        insert_after(entry, ("status",), "since", since)
        changes.append(
            Change(
                "upgrade.since",
                TASKS,
                _line(entry, "status"),
                {
                    "kind": KINDS[section],
                    "number": item.get("number"),
                    "unit": names.get(entry.get("unit"), entry.get("unit")),
                    "status": entry.get("status"),
                    "since": str(since),
                },
            )
        )
    return changes


def _progress(item: Any) -> list[Any]:
    entries = item.get("progress")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _names(windows: Any) -> dict[str, str]:
    """Unit id → Chinese name, from a round-trip windows.yaml."""
    units = windows.get("units") if isinstance(windows, dict) else None
    return (
        {
            u["id"]: str(u.get("name", u["id"]))
            for u in units
            if isinstance(u, dict) and isinstance(u.get("id"), str)
        }
        if isinstance(units, list)
        else {}
    )


def _groups(windows: Any) -> dict[str, list[str]]:
    """Group id → member ids, from a round-trip windows.yaml."""
    groups = windows.get("groups") if isinstance(windows, dict) else None
    out: dict[str, list[str]] = {}
    for group in groups if isinstance(groups, list) else []:
        if isinstance(group, dict) and isinstance(group.get("id"), str):
            out[group["id"]] = list(group.get("members") or [])
    return out


def _met(data: Any, groups: dict[str, list[str]], names: dict[str, str]) -> list[Change]:
    """A unit marked done met every requirement that applies to it, on its done_on."""
    changes = []
    for section, item in _items(data):
        requirements = [r for r in item.get("requirements") or [] if isinstance(r, dict)]
        for entry in _progress(item):
            done_on = entry.get("done_on")
            if entry.get("status") != "done" or not isinstance(done_on, dt.date):
                continue
            unit = entry.get("unit")
            met = entry.get("met")
            if met is None:
                met = CommentedMap()
                met.fa.set_flow_style()
            added = []
            for requirement in requirements:
                who = [
                    m for ref in requirement.get("applies_to") or [] for m in groups.get(ref, [ref])
                ]
                if (who and unit not in who) or requirement.get("id") in met:
                    continue
                met[requirement["id"]] = done_on
                added.append(requirement["id"])
            if added:
                if "met" not in entry:
                    insert_after(entry, ("done_on", "since", "status"), "met", met)
                changes.append(
                    Change(
                        "upgrade.met",
                        TASKS,
                        _line(entry, "status"),
                        {
                            "kind": KINDS[section],
                            "number": item.get("number"),
                            "unit": names.get(unit, unit),
                            "n": len(added),
                            "done_on": done_on.isoformat(),
                        },
                    )
                )
    return changes


def _block(path: Path, key: str) -> str:
    """The top-level `key:` of a bundled file with the comment lines just above it, to its end."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i][:1] not in (" ", "-", "\n", "") and not lines[i].startswith("#")
        ),
        len(lines),
    )
    while end > start + 1 and lines[end - 1].startswith("#"):
        end -= 1  # comments of the next block stay with it
    while start > 0 and lines[start - 1].startswith("#"):
        start -= 1
    return "".join(lines[start:end]).rstrip("\n") + "\n"


def _append(editable: Editable, current: bytes, block: str) -> bytes:
    """`block` appended to a file's bytes after a blank line, in the file's line endings."""
    text = current.decode("utf-8")
    if not text.endswith(("\n", "\r")):
        text += editable.newline
    addition = editable.newline + block.replace("\n", editable.newline)
    return (text + addition).encode("utf-8")
