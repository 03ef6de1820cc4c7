"""The catalogue replayed on a day, its figures, and the goal's progress derived from it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hsreform.dataset import dated
from hsreform.dataset.loader import load
from hsreform.dataset.records import ItemStatus, Status
from hsreform.views import catalogue
from hsreform.views.status import report
from tests.conftest import CLEAN, DATA, REPO

EXAMPLE = REPO / "examples" / "rollout-2020"
D = dt.date.fromisoformat


def _data(tmp_path: Path, items: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(CLEAN, folder)
    shutil.copy(DATA / "items-progress" / "tasks.yaml", folder / "tasks.yaml")
    (folder / "items.yaml").write_text(items, encoding="utf-8")
    return folder


ITEMS = """
catalogues:
  - unit: tax-bureau
    items:
      - name: 甲
        window: tax
        legal_days: 20
        promised_days: 5
        steps: 2
        documents: 3
        streamlined: {on: 2020-06-15, steps: 4, documents: 6, promised_days: 15}
        online: 2020-06-12
        public: {basis: 2020-06-11, fees: 2020-07-01}
        status: in_hall
        since: 2020-06-10
        history:
          - {status: listed, since: 2020-06-01}
      - name: 乙
        window: tax
        status: in_hall
        since: 2020-06-20
        history:
          - {status: listed, since: 2020-06-01}
      - name: 丙
        status: exempt
        since: 2020-06-05
        reason: 对场地有特殊要求
  - unit: public-security-bureau
    items:
      - name: 丁
        status: exempt
        since: 2020-06-07
        reason: 证件制作对场地有特殊要求
letters:
  - unit: tax-bureau
    window: tax
    items: [甲]
    signed_on: 2020-06-08
"""


def test_the_catalogue_replays_each_dated_fact(tmp_path) -> None:
    ds = load(_data(tmp_path, ITEMS)).dataset
    assert ds is not None
    assert dated.standings(ds, "tax-bureau", D("2020-05-31")) == ()
    early = {s.name: s for s in dated.standings(ds, "tax-bureau", D("2020-06-12"))}
    assert [early[n].status for n in ("甲", "乙")] == [ItemStatus.IN_HALL, ItemStatus.LISTED]
    first = early["甲"]
    assert (first.online, first.authorized, first.public) == (True, True, ("basis",))
    assert (first.promised_days, first.steps, first.documents) == (15, (4, 4), (6, 6))
    later = dated.standings(ds, "tax-bureau", D("2020-07-01"))[0]
    assert (later.promised_days, later.steps, later.documents) == (5, (4, 2), (6, 3))
    assert later.public == ("basis", "fees")
    figures = catalogue.figures(dated.standings(ds, "tax-bureau", D("2020-07-01")))
    assert (figures.items, figures.must_enter, figures.in_hall, figures.exempt) == (3, 2, 2, 1)
    assert figures.authorized_rate == 0.5  # 乙 is in the hall without a letter
    assert figures.online_rate == pytest.approx(1 / 3)
    assert figures.public_rate == pytest.approx(2 / 15)
    assert figures.time_cut == pytest.approx(0.75)
    assert (figures.steps_before, figures.steps_after, figures.documents_after) == (4, 2, 3)
    empty = catalogue.Figures()
    assert (empty.in_hall_rate, empty.time_cut, empty.public_rate) == (None, None, None)


def test_the_goal_follows_from_the_catalogue(tmp_path) -> None:
    ds = load(_data(tmp_path, ITEMS)).dataset
    assert ds is not None

    def goal(day: str) -> dict[str, tuple[Status, dt.date | None]]:
        row = report(ds, D(day)).goals[0]
        return {u.unit: (u.status, u.done_on or u.since) for u in row.units}

    # by hand: tax done on 2020-06-20, public security exempt; the catalogue says when and why
    assert goal("2020-06-09")["tax-bureau"] == (Status.NOT_STARTED, None)
    assert goal("2020-06-12")["tax-bureau"] == (Status.IN_PROGRESS, D("2020-06-10"))
    assert goal("2020-06-20")["tax-bureau"] == (Status.DONE, D("2020-06-20"))
    assert goal("2020-06-20")["public-security-bureau"] == (Status.EXEMPT, D("2020-06-07"))
    assert goal("2020-06-20")["market-unit"] == (Status.NOT_STARTED, None)
    row = report(ds, D("2020-06-20")).goals[0]
    assert row.units[1].reason == "丁：证件制作对场地有特殊要求"


def test_the_example_tells_one_story_with_its_tasks() -> None:
    ds = load(EXAMPLE).dataset
    assert ds is not None
    end = report(ds, D("2021-04-01")).goals[0]
    assert (end.units_done, end.units_total, end.units_exempt) == (16, 19, 1)
    assert end.finished_on is None
    by_hand = {p.unit: p for p in ds.tasks.goals[0].progress}
    for unit in end.units:
        entry = by_hand[unit.unit]
        assert unit.status is entry.status, unit.unit
        assert unit.done_on == entry.done_on, unit.unit
    middle = catalogue.report(ds, D("2020-09-30"))
    assert (middle.total.in_hall, middle.total.must_enter, middle.total.exempt) == (26, 47, 1)
    assert middle.without == ()
    assert 0 < middle.total.public_rate < 1
    assert 0 < middle.total.online_rate < 1
    text = (EXAMPLE / "items.yaml").read_text(encoding="utf-8")
    assert "虚构" in text.splitlines()[1]


def test_bundled_catalogue_is_empty_and_documents_its_shape() -> None:
    ds = load(REPO / "data").dataset
    assert ds is not None
    assert ds.items is not None
    assert (ds.items.catalogues, ds.items.letters) == ([], [])
    text = (REPO / "data" / "items.yaml").read_text(encoding="utf-8")
    for key in (
        "name:",
        "code:",
        "kind:",
        "legal_days:",
        "promised_days:",
        "window:",
        "status:",
        "online:",
        "public:",
        "streamlined:",
        "signed_on:",
        "signed_by:",
    ):
        assert key in text, key


def test_a_data_set_without_items_yaml_has_no_catalogue(invoke) -> None:
    ds = load(CLEAN).dataset
    assert ds is not None
    assert ds.items is None
    assert ds.catalogues == {}
    result = invoke("items", "--data", str(CLEAN), "--as-of", "2020-07-01", "--format", "json")
    assert result.exit_code == 0
    assert result.json()["units"] == []


def test_items_json_and_unit_view(invoke) -> None:
    result = invoke("items", "--data", str(EXAMPLE), "--as-of", "2020-09-30", "--format", "json")
    document = result.json()
    assert set(document) == {"as_of", "units", "total", "without_catalogue"}
    water = next(u for u in document["units"] if u["unit"] == "water-resources-bureau")
    assert water["goal"] == "exempt"
    assert water["exemptions"][0]["name"] == "取水许可"
    assert set(document["total"]["rates"]) == {
        "in_hall",
        "online",
        "authorized",
        "public",
        "time_cut",
    }
    one = invoke(
        "items", "--data", str(EXAMPLE), "--as-of", "2020-09-30", "--unit", "税务局", "--lang", "en"
    )
    assert one.exit_code == 0
    assert "Items of 税务局" in one.stdout
    missing = invoke("items", "--data", str(EXAMPLE), "--unit", "邮政局")
    assert missing.exit_code == 2


def test_validate_takes_items_yaml_as_a_path(invoke) -> None:
    result = invoke(
        "validate", str(EXAMPLE / "items.yaml"), "--as-of", "2021-04-01", "--format", "json"
    )
    assert result.exit_code == 0
    assert result.json()["summary"]["errors"] == 0
