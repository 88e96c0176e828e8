"""The length proof's shortcuts are exact: its bounds are those of rendering every combination.

``length_bounds`` does not render every combination of values (it follows what each
rendering reads, and adds up the words of independent pieces of a phrasing: see
``_read_tracing`` and ``_length_pieces``). Here a small custom folder, whose phrasings
take every path of those shortcuts (pieces that add up, pieces with digits or that
run into each other, a phrasing that cannot be split, variables shared by several
steps, the built-in macros), is proven both ways: the bounds must be the same.
"""

from __future__ import annotations

import attrs
import pytest

from sprep_templates.drafting import _length_pieces as pieces
from sprep_templates.drafting import _length_proof as proof
from sprep_templates.drafting import _read_tracing as read_tracing
from sprep_templates.drafting import load_template_set
from sprep_templates.drafting._read_tracing import reading, traced_set

PHRASINGS = {
    # Pieces that add up: three independent sentences (the situation, the ratings
    # through the built-in macros, and sober shared with the improvement).
    "shared/acknowledgement/01.j2": (
        '{% from "shared/experience.j2" import hard_sentence, liked_sentence, sober_sentence %}'
        "{% if situation %}Nous avons lu votre message : {{ situation }}"
        "{% elif sober %}{{ sober_sentence(1) }}"
        "{% else %}Nous avons bien lu votre message.{% endif %}\n"
        '{% if hard %} {{ hard_sentence("negative", hard, 1, access) }}{% endif %}\n'
        '{% if liked %} {{ liked_sentence("neutral", liked, 2, sober) }}{% endif %}\n'
    ),
    "shared/acknowledgement/02.j2": (
        "Nous vous remercions de votre retour.{% if mixed %} Tout n’a pas été simple."
        "{% endif %}{% if situation %} {{ situation }}{% endif %}\n"
    ),
    # Pieces that run into each other ("Merci" then ", et …"), and a digit that
    # typography changes the count of (48h -> 48 h).
    "shared/thanks/01.j2": (
        '{% from "shared/experience.j2" import concerned %}'
        "{% if sober %}Merci{% else %}Merci beaucoup{% endif %}"
        '{% if posted_as != "self" %}, et merci d’écrire pour {{ concerned(posted_as) }}'
        "{% endif %}{% if title %} pour «{{ title }}»{% endif %}."
        "{% if late %} Nous répondons d’habitude sous 48h.{% endif %}\n"
    ),
    # A phrasing that cannot be split (a variable set), rendered whole.
    "shared/thanks/02.j2": (
        '{% set who = "vous" if posted_as == "self" else "votre proche" %}'
        "Merci pour {{ who }}{% if bereaved %}, et nos condoléances pour {{ bereaved }}"
        "{% endif %}. Nous avons lu votre message après {{ occasion }}.\n"
    ),
    # Digits in the values (contacts), and pieces that make one word ("Merci" and
    # "beaucoup" make "Mercibeaucoup").
    "shared/orientation/01.j2": (
        "{% if answer %}{{ answer }}{% endif %}"
        "{% if contacts %} Vous pouvez nous joindre : {{ contacts }}.{% endif %}"
        " Merci{% if tried_contacts %}beaucoup{% endif %}.\n"
    ),
    "shared/improvement/01.j2": (
        '{% from "shared/experience.j2" import similar_sentence %}'
        "{% if improvement %}{{ improvement }}"
        "{% elif action %}Nous avons engagé : « {{ action }} ».{% else %}Nous transmettons "
        "votre message.{% endif %}"
        '{% if similar %} {{ similar_sentence("negative", similar, similar|number, 0) }}'
        "{% endif %}{% if sober %} Nous restons à votre écoute.{% endif %}\n"
    ),
    # Two pieces, each of which may be blank.
    "shared/improvement/02.j2": (
        "{% if sober %}Merci pour votre patience.{% endif %}"
        "{% if not sober %}Merci bien.{% endif %}\n"
    ),
    "shared/signature/01.j2": "{% if sober %}Bien à vous,{% else %}Cordialement,{% endif %}\n",
}


def write_folder(folder):
    for name, text in PHRASINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_set(tmp_path_factory):
    return load_template_set(write_folder(tmp_path_factory.mktemp("proof")))


def as_tuples(bounds):
    return [attrs.astuple(bound) for bound in bounds]


def test_the_proof_is_the_brute_force(small_set):
    """Every field of every bound (shortest, longest, the phrasings) is the brute force's."""
    brute = proof._length_bounds(small_set, proof._brute_force_counts)
    assert as_tuples(proof.length_bounds(small_set)) == as_tuples(brute)


def test_the_folder_takes_every_path(small_set):
    """The folder above splits where it can, and takes both ways of counting."""
    traced = traced_set(small_set)
    assert pieces.phrasing_pieces(traced, "shared/thanks/02.j2") is None  # a set: whole
    split = pieces.phrasing_pieces(traced, "shared/acknowledgement/01.j2")
    assert split is not None and len(split) >= 5
    added, whole = [], []
    real_add_up, real_whole = pieces._words_add_up, pieces._whole_texts

    def add_up(outputs):
        result = real_add_up(outputs)
        added.append(result)
        return result

    def whole_texts(*arguments):
        whole.append(True)
        return real_whole(*arguments)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pieces, "_words_add_up", add_up)
        patch.setattr(pieces, "_whole_texts", whole_texts)
        proof.length_bounds(small_set)
    assert True in added and whole


def test_words_that_do_not_add_up_would_be_caught(small_set):
    """The comparison above can fail: summing the pieces' words where they run into
    each other or hold digits gives other bounds than the brute force's."""
    brute = proof._length_bounds(small_set, proof._brute_force_counts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pieces, "_words_add_up", lambda outputs: True)
        pieces._PIECES.clear()
        wrong = proof.length_bounds(small_set)
    pieces._PIECES.clear()
    assert as_tuples(wrong) != as_tuples(brute)


def test_a_rendering_that_notes_nothing_would_be_caught(small_set):
    """The comparison can fail on the tracing too: renderings that note no variable make
    the proof try only the first value of each, and miss bounds."""
    brute = proof._length_bounds(small_set, proof._brute_force_counts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(read_tracing, "_read", lambda name, value: value)
        read_tracing._TRACED.clear()
        pieces._PIECES.clear()
        wrong = proof.length_bounds(small_set)
    read_tracing._TRACED.clear()
    pieces._PIECES.clear()
    assert as_tuples(wrong) != as_tuples(brute)


def test_a_rendering_notes_only_what_it_reads(tmp_path):
    """A variable read only in the branch not taken is not noted as read."""
    write_folder(tmp_path)
    traced = traced_set(load_template_set(tmp_path))
    template = traced.template("shared/thanks/02.j2")
    values = {"posted_as": "self", "bereaved": None, "occasion": "votre appel"}
    with reading() as read:
        template.render(values)
    assert read == {"posted_as", "bereaved", "occasion"}
    with reading() as read:
        traced.template("shared/acknowledgement/02.j2").render({"mixed": False, "situation": ""})
    assert read == {"mixed", "situation"}
    with reading() as read:
        traced.template("shared/acknowledgement/01.j2").render(
            {"situation": "Oui.", "sober": True, "hard": (), "liked": (), "access": None}
        )
    assert read == {"situation", "hard", "liked"}  # sober: only when no situation
