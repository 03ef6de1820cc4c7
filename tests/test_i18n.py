"""Every message exists in both languages with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hsreform.common import i18n
from hsreform.common.findings import Severity
from hsreform.dataset.records import Status
from hsreform.views.status import State

PLACEHOLDER = re.compile(r"{(\w+)}")
PACKAGE = Path(i18n.__file__).parent


@pytest.mark.parametrize("catalogue", [i18n.M, i18n.T, i18n.TERMS])
def test_both_languages_with_the_same_placeholders(catalogue) -> None:
    for key, (zh, en) in catalogue.items():
        assert zh, key
        assert en, key
        # English may say "1 row", "2 rows": {n_s} and {n_them} come from {n}
        english = {re.sub(r"_(s|them)$", "", p) for p in PLACEHOLDER.findall(en)}
        assert set(PLACEHOLDER.findall(zh)) == english, key


def test_unknown_code_falls_back_visibly() -> None:
    assert i18n.message("no-such-code", "zh", {"x": 1}) == "no-such-code {'x': 1}"


def test_every_interface_key_used_exists() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    used = set(re.findall(r'text\("([a-z_.]+)"', source)) | set(
        re.findall(r'HsreformError\("([a-z_.]+)"', source)
    )
    used = {key for key in used if not key.endswith(".")}  # prefixes of the keys below
    used |= {"state." + s.value for s in State} | {"unit." + s.value for s in Status}
    used |= {"sev." + s.label for s in Severity} | {"action.status", "action.check_staffing"}
    assert used <= set(i18n.T), used - set(i18n.T)


def test_no_interface_key_is_in_two_area_files() -> None:
    """T is merged from one file per area (hsreform/common/messages/): a key written in two
    would silently take the later file's text."""
    seen: dict[str, str] = {}
    for area in i18n.T_AREAS:
        for key in area.T:
            assert key not in seen, f"{key} is in {seen[key]} and {area.__name__}"
            seen[key] = area.__name__
    assert seen.keys() == i18n.T.keys()
