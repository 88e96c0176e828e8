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


def test_pattern_files_scanned_in_one_pass_match_as_each_file_alone():
    """PatternFileScan finds, for each file, what the file's own finditer finds: the
    description's files (phone, what is said, distress) on texts mixing their words."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sprep_templates.experience import _complaints, _said
    from sprep_templates.lexicons import PatternFileScan, fold_keeping_length

    files = (_complaints._phone_patterns(), _said._said_patterns(), _said._distress_patterns())
    scan = PatternFileScan(files)
    words = [
        "je",
        "n'arrive",
        "pas",
        "à",
        "joindre",
        "le",
        "téléphone",
        "personne",
        "ne",
        "répond",
        "site",
        "internet",
        "bug",
        "pourquoi",
        "?",
        "merci",
        "accueil",
        "mon",
        "mari",
        "est",
        "décédé",
        "je",
        "suis",
        "à",
        "bout",
        "suicide",
        "délai",
        "trop",
        "long",
        "İ",
        "ﬁ",
        "agent",
        "très",
        "aimable",
        "mail",
        "en",
        "ligne",
        ".",
        "\n",
    ]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(words), max_size=40), st.sampled_from([" ", "", "  "]))
    def same(chosen, glue):
        folded = fold_keeping_length(glue.join(chosen))
        together = [list(found) for found in scan.finditer_each(folded)]
        assert together == [list(file.finditer(folded)) for file in files]

    same()
    folded = fold_keeping_length("Impossible de joindre le téléphone. Mon père est décédé.")
    phone, said, distress = (list(found) for found in scan.finditer_each(folded))
    assert phone == list(files[0].finditer(folded)) != []
    assert (said, distress) == (list(files[1].finditer(folded)), list(files[2].finditer(folded)))


def test_the_bundled_lexicon_passes_every_check():
    """The bundled lexicon is read at start-up without compiling each entry (it is
    compiled when first tried): here it is read with every check, each entry compiled
    as the search compiles it, and it is the lexicon the library uses."""
    import re

    from sprep_templates.lexicons._entry_search import EntrySearch
    from sprep_templates.lexicons._jargon import bundled_lines, lexicon

    checked = read_lexicon(bundled_lines(), compile_each=True)
    assert checked == lexicon()
    search = EntrySearch(checked)
    for index in range(len(search.entries)):
        assert isinstance(search._compiled(index), re.Pattern)
