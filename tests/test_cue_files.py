"""The cue lists that are data (issue 19): the words of each step, cold phrases,
shouted words and complaint words are read from their files in ``data/``, not
written a second time in the code, so editing a file changes what the rules find."""

from __future__ import annotations

import inspect
import re

import pytest

from sprep_templates.checking import _cues
from sprep_templates.exceptions import DataFileError
from sprep_templates.experience import _screening
from sprep_templates.lexicons import _files, read_list

# The patterns as the code wrote them before they were read from the files (copied
# from checking/_cues.py and experience/_screening.py): the files must give them back
# string for string, so reading them changed no finding.
_STEP_PATTERNS_BEFORE = {
    "thanks": (r"\bmerci\b|\bremerci|pris en compte|bien reçu|avons reçu|prenons (?:bonne )?note"),
    "acknowledgement": (
        r"regrett|désolé|navré|excus|comprenons|compréhen|heureu|ravi|content|plaisir|"
        r"satisf|insatisf|déçu|déception|mécontent|difficultés que vous|attente|témoigne|"
        r"lu avec attention|avez vécu|ce que vous nous d|chaque avis|point de vue|"
        r"ne s[’']est pas passé|remarques"
    ),
    "orientation": (
        r"je vous invite|vous pouvez|vous pourrez|n[’']hésitez pas|contactez|contacter|joindre|"
        r"rendez-vous|vous adresser|rapprocher|consulter|conseiller|à votre disposition|"
        r"il vous suffit|vous rendre|rendez-vous sur|point numérique|en ligne sur|"
        r"doivent être|nous vous informons|sachez que|vous trouverez|à votre écoute|"
        r"revenir vers nous|toute (?:autre )?question|vous répond"
    ),
    "improvement": (
        r"amélior|progress|mobilis|mettent tout en œuvre|mieux|enseignement|leçon|"
        r"transmis|transmettons|partageons|s[’']engag|engagement|efforts|travaill|"
        r"répondre à vos attentes|faire encore mieux|poursuiv|encourag|aller plus loin"
    ),
}
_STEPS_UNION_BEFORE = (
    r"\b(?:"
    + "|".join(f"(?P<{name}>{source})" for name, source in _STEP_PATTERNS_BEFORE.items())
    + ")"
)
_COLD_BEFORE = (
    r"\b(nous ne pouvons pas|impossible|en aucun cas|il vous appartient|vous devez|"
    r"veuillez|nous vous rappelons que|comme (?:déjà )?indiqué|conformément à|"
    r"malheureusement|à défaut|sous peine)\b"
)
_SHOUTED_BEFORE = frozenset(
    "OU ET ICI NON OUI PAS FAIRE TOUT TOUS TRES TRÈS LE LA LES DE DES UN UNE EST SONT "
    "MAIS DONC CAR NI SI BIEN MAL ENCORE JAMAIS RIEN URGENT ATTENTION IMPORTANT NB PS".split()
)
_COMPLAINT_BEFORE = (
    r"impossible|catastroph|cauchemar|galère|galere|combattant|jamais|(?:pas de|aucune) réponse|"
    r"inexistant|injoignable|déplorable|lamentable|honteu|abus|attente interminable"
)


def test_the_patterns_read_from_the_files_are_the_ones_the_code_had():
    """String for string and flag for flag: the checker and the title screening find
    what they found when the lists were code."""
    assert _cues.STEP_PATTERNS == _STEP_PATTERNS_BEFORE
    assert list(_cues.STEP_PATTERNS) == list(_STEP_PATTERNS_BEFORE)  # the union's order
    assert _cues.STEPS_UNION.pattern == _STEPS_UNION_BEFORE
    assert _cues.STEPS_UNION.flags == re.compile(_STEPS_UNION_BEFORE).flags
    assert _cues.COLD.pattern == _COLD_BEFORE
    assert _cues.COLD.flags == re.compile(_COLD_BEFORE).flags
    assert _cues.SHOUTED == _SHOUTED_BEFORE
    assert _screening._COMPLAINT.pattern == _COMPLAINT_BEFORE
    assert _screening._COMPLAINT.flags == re.compile(_COMPLAINT_BEFORE, re.I).flags


@pytest.mark.parametrize(
    ("module", "copies"),
    [
        (_cues, ["il vous appartient", "mettent tout en œuvre", "rendez-vous sur", "URGENT"]),
        (_screening, ["cauchemar", "injoignable", "attente interminable"]),
    ],
)
def test_the_code_holds_no_copy_of_the_lists(module, copies):
    """A list written both in a file and in the code drifts: the code keeps none."""
    source = inspect.getsource(module)
    assert [copy for copy in copies if copy in source] == []


@pytest.fixture
def edited_data(monkeypatch):
    """Makes ``data_text`` read a file with lines added: ``edit(name, *lines)``."""
    original = _files.data_text
    added: dict[str, list[str]] = {}

    def data_text(name: str) -> str:
        return original(name) + "".join(f"{line}\n" for line in added.get(name, ()))

    def edit(name: str, *lines: str) -> None:
        added.setdefault(name, []).extend(lines)
        read_list.cache_clear()

    monkeypatch.setattr(_files, "data_text", data_text)
    yield edit
    monkeypatch.undo()
    read_list.cache_clear()


def test_an_edited_file_changes_what_the_rules_look_for(edited_data):
    """A line added to each file is what the rebuilt pattern finds."""
    edited_data("cold-phrases.txt", "sans suite")
    edited_data("step-cues.tsv", "improvement\tnous corrigeons")
    edited_data("shouted-words.txt", "VITE")
    edited_data("complaint-words.txt", "kafka")
    assert _cues.cold_pattern().search("votre demande restera sans suite.")
    assert not _cues.COLD.search("votre demande restera sans suite.")
    union = _cues.steps_union(_cues.step_patterns())
    found = union.search("nous corrigeons cette page.")
    assert found is not None and found.lastgroup == "improvement"
    assert "VITE" in _cues.shouted_words()
    assert _screening._complaint_pattern().search("Vraiment Kafkaïen")


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("step-cues.tsv", "remerci", r"step-cues\.tsv:\d+: 1 tab-separated columns instead of 2"),
        ("step-cues.tsv", "thank\tmerci", r"step-cues\.tsv:\d+: unknown step 'thank'"),
        ("step-cues.tsv", "thanks\tmerci(", r"step-cues\.tsv:\d+: 'merci\(' is not a valid"),
        ("step-cues.tsv", "thanks\t(merci)", r"step-cues\.tsv:\d+: .*capturing group"),
        ("step-cues.tsv", "thanks\t(?:merci)?", r"step-cues\.tsv:\d+: .*matches an empty text"),
        ("step-cues.tsv", "thanks\t\\w+erci", r"step-cues\.tsv:\d+: .*start with a word"),
        ("step-cues.tsv", "thanks\tMerci", r"step-cues\.tsv:\d+: .*lower case"),
        ("cold-phrases.txt", "Hélas", r"cold-phrases\.txt:\d+: .*lower case"),
        ("complaint-words.txt", "[nul", r"complaint-words\.txt:\d+: .*not a valid"),
    ],
)
def test_a_line_that_cannot_be_used_names_its_file_and_line(edited_data, name, line, problem):
    edited_data(name, line)
    build = {
        "step-cues.tsv": _cues.step_patterns,
        "cold-phrases.txt": _cues.cold_pattern,
        "complaint-words.txt": _screening._complaint_pattern,
    }[name]
    with pytest.raises(DataFileError, match=problem):
        build()


def test_a_step_without_words_is_refused(monkeypatch):
    """Every step the rule names needs words in step-cues.tsv."""
    monkeypatch.setattr(_files, "data_text", lambda name: "thanks\tmerci\n")
    with pytest.raises(DataFileError, match=r"step-cues\.tsv: no line for acknowledgement"):
        _cues.step_patterns()
