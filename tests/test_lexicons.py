"""The word lists shipped in sprep_templates/data, as the library reads them."""

from __future__ import annotations

import pytest

from sprep_templates.exceptions import DataFileError
from sprep_templates.lexicons import read_lexicon


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Dûment\tjargon\tbien\t[REF]", "line 2: 'Dûment': must start with lower-case words"),
        ("# heures\tjargon\tbien\t[REF]", "line 2: .*must start with lower-case words"),
        ("[d]ûment\tjargon\tbien\t[REF]", "line 2: .*not a valid pattern"),
        ("dûment{\tjargon\tbien\t[REF]", "line 2: .*not a valid pattern"),
        ("dûment\tbien\t[REF]", "line 2: .*tab-separated columns"),
        ("dûment\tjargons\tbien\t[REF]", "line 2: category 'jargons'"),
    ],
)
def test_jargon_list_entries_are_checked_when_read(line, problem):
    """An entry the one-pass search could not find is refused with the reason, not skipped."""
    with pytest.raises(DataFileError, match=problem):
        read_lexicon(["nonobstant\tjargon\tmalgré\t[REF]", line])
