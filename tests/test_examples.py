"""The worked example under examples/: the plan itself unchanged, a plausible roster and progress."""

from __future__ import annotations

from ruamel.yaml import YAML

from tests.conftest import BUNDLED, REPO, found

EXAMPLE = REPO / "examples" / "rollout-2020"


def test_example_keeps_the_plan_as_bundled() -> None:
    yaml = YAML(typ="safe", pure=True)
    assert yaml.load(EXAMPLE / "windows.yaml") == yaml.load(BUNDLED / "windows.yaml")
    example, bundled = yaml.load(EXAMPLE / "tasks.yaml"), yaml.load(BUNDLED / "tasks.yaml")
    for section in ("tasks", "goals", "duties"):
        for item in example[section]:
            item["progress"] = []
    assert example == bundled


def test_example_validates(invoke) -> None:
    result = invoke("validate", "--data", str(EXAMPLE), "--as-of", "2021-04-01", "--format", "json")
    assert result.exit_code == 0
    assert result.json()["summary"]["errors"] == 0


def test_example_roster_shows_each_kind_of_lapse(invoke) -> None:
    result = invoke(
        "check-staffing", "--data", str(EXAMPLE), "--as-of", "2021-04-01", "--format", "json"
    )
    document = result.json()
    assert sorted(found(document)) == [
        ("fewer-staff-than-windows", "windows.yaml", 210),
        ("more-staff-than-windows", "windows.yaml", 200),
        ("posted-late", "staff.yaml", 149),
        ("replacement-not-approved", "staff.yaml", 295),
        ("untrained", "staff.yaml", 75),
    ]
    assert (document["summary"]["quota"], document["summary"]["staffed"]) == (57, 57)
