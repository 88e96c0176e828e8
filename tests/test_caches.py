"""What the library keeps between calls: bounded, and never stale."""

from __future__ import annotations

import os

from sprep_templates import Contact, Experience, Signature, clear_caches, draft_reply

JEAN = Signature(first_name="Jean", organisation="la Caf de Paris")
PHONE = Contact(kind="phone", value="32 30")
THANKS = "negative/thanks/01.j2"


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def draft(folder, number="1"):
    return draft_reply(
        Experience(sentiment="negative", id=number),
        signature=JEAN,
        contacts=[PHONE],
        template_dir=folder,
    )


def test_a_template_edited_between_two_drafts_gives_the_new_text(tmp_path):
    """A notebook edits a custom template and drafts again: the new text, not the old."""
    write(tmp_path, THANKS, "Merci pour votre message, que nous avons lu avec attention.")
    assert draft(tmp_path).steps["thanks"].startswith("Merci pour votre message")
    write(tmp_path, THANKS, "Nous vous remercions d’avoir pris le temps de nous écrire.")
    assert draft(tmp_path).steps["thanks"].startswith("Nous vous remercions")


def test_an_edit_of_the_same_size_and_time_is_seen_after_clear_caches(tmp_path):
    """Even an edit the folder's fingerprint cannot see (same size, time put back) is
    used once clear_caches() is called."""
    path = write(tmp_path, THANKS, "Merci pour votre message, que nous avons lu avec soin.")
    assert "avec soin" in draft(tmp_path).steps["thanks"]
    status = os.stat(path)
    path.write_text("Merci pour votre message, que nous avons lu avec joie.", encoding="utf-8")
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    os.utime(tmp_path, ns=(os.stat(tmp_path).st_atime_ns, os.stat(tmp_path).st_mtime_ns))
    clear_caches()
    assert "avec joie" in draft(tmp_path).steps["thanks"]


def test_a_phrasing_added_to_the_folder_is_used(tmp_path):
    """A new file in a step's folder joins the phrasings the next draft chooses from."""
    write(tmp_path, THANKS, "Merci pour votre message, que nous avons lu avec attention.")
    first = {draft(tmp_path, str(n)).templates[1] for n in range(20)}
    write(tmp_path, "negative/thanks/02.j2", "Nous vous remercions de votre message.")
    second = {draft(tmp_path, str(n)).templates[1] for n in range(20)}
    assert first == {THANKS}
    assert second == {THANKS, "negative/thanks/02.j2"}


def test_custom_template_sets_kept_are_bounded(tmp_path):
    """Drafting from many folders keeps only the most recent few loaded."""
    from sprep_templates.drafting import _templates

    for number in range(_templates.MAX_CUSTOM_SETS + 3):
        folder = tmp_path / str(number)
        write(folder, THANKS, f"Merci pour votre message numéro {number}, lu avec attention.")
        assert f"numéro {number}," in draft(folder).steps["thanks"]
    assert len(_templates._custom) == _templates.MAX_CUSTOM_SETS


def test_rendered_steps_are_bounded_by_bytes():
    """Long agent answers fill the render cache by bytes long before its entry bound:
    it never holds more than its byte budget (issue 21: 360 MB with long answers)."""
    from sprep_templates import GUARANTEED_LIMITS
    from sprep_templates.drafting import load_template_set

    clear_caches()
    cache = load_template_set().rendered
    budget = cache.max_bytes
    cache.max_bytes = 200_000  # a small budget, to reach it within the test
    try:
        words = "nous avons transmis votre dossier au service compétent qui vous répondra"
        answer_words = GUARANTEED_LIMITS["answer_words"]
        largest = 0
        for number in range(400):
            answer = " ".join(
                f"{word}{number}" if index == 0 else word
                for index, word in enumerate((words.split() * 10)[:answer_words])
            )
            draft_reply(
                Experience(sentiment="neutral", id=str(number)),
                signature=JEAN,
                answer=answer + ".",
            )
            largest = max(largest, cache.size)
            assert cache.size <= cache.max_bytes
        assert largest > cache.max_bytes // 2  # the budget was reached, and held
        assert len(cache) < cache.max_entries
    finally:
        cache.max_bytes = budget
        clear_caches()


def test_acronym_memory_is_bounded():
    """Checking texts full of different acronyms does not grow a cache without end."""
    from sprep_templates import check_reply
    from sprep_templates.lexicons import _jargon

    for number in range(3000):
        letters = "".join(chr(ord("A") + (number // 26**k) % 26) for k in range(4))
        check_reply(f"Bonjour, la {letters} vous répondra. Cordialement, Jean")
    assert _jargon._expansion_words.cache_info().currsize <= 1024
    assert _jargon._words.cache_info().currsize <= 16


def test_a_batch_chunk_drafts_with_one_version_of_the_folder(tmp_path):
    """Within one_version_per_folder (each chunk of sprep draft), a folder is checked
    once: the chunk's rows share one version of the templates; the next chunk sees
    the edit."""
    from sprep_templates.drafting import one_version_per_folder

    write(tmp_path, THANKS, "Merci pour votre message, que nous avons lu avec attention.")
    with one_version_per_folder():
        assert draft(tmp_path).steps["thanks"].startswith("Merci pour votre message")
        write(tmp_path, THANKS, "Nous vous remercions d’avoir pris le temps de nous écrire.")
        assert draft(tmp_path, "2").steps["thanks"].startswith("Merci pour votre message")
    assert draft(tmp_path, "3").steps["thanks"].startswith("Nous vous remercions")


def test_texts_kept_for_comparison_share_the_render_cache_bounds():
    """The plain texts a step is compared with (issue 24) count in the render cache's
    bounds and go with it."""
    from sprep_templates.drafting._render_cache import RenderCache

    cache = RenderCache(max_entries=3, max_bytes=10_000_000)
    cache.put(("a", None, ("x",)), ("text a", 2, frozenset()))
    cache.put_text(("b", None, ("y",)), "plain b")
    assert cache.text(("a", None, ("x",))) == "text a"  # a step's text is one too
    assert cache.text(("b", None, ("y",))) == "plain b"
    assert cache.get(("b", None, ("y",))) is None  # not a step: no count, no items
    assert len(cache) == 2
    cache.put_text(("c", None, ("z",)), "plain c")
    cache.put_text(("d", None, ("w",)), "plain d")  # past 3 entries: it starts again
    assert len(cache) == 1 and cache.text(("a", None, ("x",))) is None
    cache.clear()
    assert len(cache) == 0 and cache.size == 0 and cache.text(("d", None, ("w",))) is None


def test_what_personalised_a_draft_is_the_same_with_the_plain_texts_kept():
    """Which items of the experience a reply names (personalised_by) does not depend on
    what the render cache held before (issue 24: the plain texts are kept)."""
    experiences = [
        Experience(
            sentiment=sentiment,
            id=str(number),
            title="Renouvellement de mon passeport",
            channels=("Téléphone",),
            ratings={"accessibility": "negative", "relation": "positive"},
            similar=number % 3,
        )
        for number in range(6)
        for sentiment in ("negative", "neutral", "positive")
    ]
    clear_caches()
    cold = []
    for experience in experiences:
        clear_caches()
        cold.append(draft_reply(experience, signature=JEAN, contacts=[PHONE]))
    warm = [draft_reply(e, signature=JEAN, contacts=[PHONE]) for e in experiences]
    again = [draft_reply(e, signature=JEAN, contacts=[PHONE]) for e in experiences]
    for first, second, third in zip(cold, warm, again, strict=True):
        assert first.personalised_by == second.personalised_by == third.personalised_by
        assert first.text == second.text == third.text
    assert any(reply.personalised_by for reply in cold)
    clear_caches()


def test_the_line_memos_are_emptied_by_clear_caches():
    """What the checker keeps of the lines and paragraphs it read (issue 24's line
    memos: lexicon matches, step words, paragraphs, candidates, tokens) is forgotten by
    clear_caches(), and refills the same."""
    from sprep_templates import check_reply
    from sprep_templates.checking import _jargon_lines, _line_search, _reading, _step_sentences
    from sprep_templates.checking._data import lexicon as reading_lexicon

    text = (
        "Bonjour Sandrine,\n\nMerci pour votre message sur le recouvrement de l’indu.\n\n"
        "Nous regrettons ce délai. Vous pouvez nous joindre au 32 30.\n\n"
        "Cordialement,\nJean, la Caf de Paris"
    )
    first = check_reply(text)
    memos = {
        "jargon lines": _jargon_lines._LINES,
        "step lines": _step_sentences._LINE_CUES,
        "paragraphs": _reading._PARAGRAPHS,
        "candidates": reading_lexicon()._lines,
        "tokens": _reading._TOKEN_COUNTS,
        "line flags": _line_search._FLAGS,
    }
    assert all(memos.values()), [name for name, memo in memos.items() if not memo]
    clear_caches()
    assert not any(memos.values()), [name for name, memo in memos.items() if memo]
    assert check_reply(text) == first
    assert all(memos.values())


def test_one_plain_experience_drafted_from_two_folders_in_turn_gets_each_folder_s_text(
    tmp_path,
):
    """The replies kept for an experience whose words say nothing are kept with the
    template set they came from: drafting it from a custom folder, then from the
    built-in templates, then from the folder again gives each its own text."""
    write(tmp_path, THANKS, "Merci pour votre message, que nous avons lu avec attention.")
    custom = draft(tmp_path).steps["thanks"]
    builtin = draft(None).steps["thanks"]
    assert custom.startswith("Merci pour votre message, que nous avons lu avec attention.")
    assert builtin != custom
    assert draft(tmp_path).steps["thanks"] == custom
    assert draft(None).steps["thanks"] == builtin
    clear_caches()
    assert draft(None).steps["thanks"] == builtin
