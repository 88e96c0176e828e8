"""The word lists shipped in sprep_templates/data, as the library reads them."""

from __future__ import annotations

import pytest

from sprep_templates.exceptions import DataFileError
from sprep_templates.lexicons import _read_jargon


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[Dd]ûment\tbien\t[REF]", "must start with lower-case words"),
        ("(?:bien )?dûment\tbien\t[REF]", "must start with lower-case words"),
        ("Nonobstant\tmalgré\t[REF]", "must start with lower-case words"),
        ("dûment(\tbien\t[REF]", "not a valid pattern"),
        ("dûment\tbien", "tab-separated columns"),
    ],
)
def test_jargon_list_entries_are_checked_when_read(line, problem):
    """An entry the one-pass search could not find is refused with the reason, not skipped."""
    with pytest.raises(DataFileError, match=problem):
        _read_jargon(["nonobstant\tmalgré\t[REF]", line])
