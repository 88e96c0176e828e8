"""False positives seen on real published replies (issue 23), each written as a small
text of ours: HTML entities, phone numbers followed by a slash, placeholder pseudonyms,
everyday abbreviations, acronyms defined in brackets earlier, quoted titles."""

from __future__ import annotations

from sprep_templates.checking import check_reply

BODY = (
    "Nous avons bien pris en compte votre message et nous regrettons ce retard. "
    "Votre demande est en cours et vous aurez une réponse sous peu. "
)


def findings(text: str, rule: str, **arguments) -> list[str]:
    return [
        f.message if f.start is None else text[f.start : f.end]
        for f in check_reply(text, closing_added=True, **arguments)
        if f.rule == rule
    ]


def test_html_entities_are_decoded_before_any_rule():
    """&nbsp; glued to a link made an unofficial host; entities are not words either."""
    text = (
        "Bonjour,&nbsp;\n" + BODY + "Consultez&nbsp;https://www.agirc-arrco.fr&nbsp;pour "
        "le détail de vos droits, ou appelez-nous.&nbsp;Nous améliorons ce service."
    )
    assert findings(text, "contact") == []
    plain = text.replace("&nbsp;", " ")
    assert findings(text, "word-count") == findings(plain, "word-count")


def test_spans_point_into_the_text_as_given_after_entities():
    text = "Bonjour,&nbsp;\nVotre r&eacute;ponse est lue. Il convient de&nbsp;nous écrire. " + BODY
    spans = [
        (f.start, f.end)
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]
    assert [text[start:end] for start, end in spans] == ["Il convient de"]


def test_phone_number_followed_by_a_slash_is_read_to_its_last_digit():
    text = "Bonjour,\n" + BODY + "Appelez le 01 76 35 01 70/ du lundi au vendredi."
    assert findings(text, "contact") == []


def test_placeholder_pseudonyms_are_not_asked_for():
    for placeholder in ("Moi", "Aucun", "Anonyme", "Néant"):
        text = "Bonjour,\n" + BODY
        assert findings(text, "greeting", pseudonym=placeholder) == [], placeholder


def test_everyday_abbreviations_are_known():
    text = "Bonjour,\n" + BODY + "Prenez RDV en ligne ou appelez-nous."
    assert findings(text, "jargon") == []


def test_acronym_defined_in_brackets_earlier_is_remembered():
    text = (
        "Bonjour,\n" + BODY + "Le service des impôts des entreprises (SDIF) a votre dossier. "
        "Le SDIF vous écrira bientôt."
    )
    assert findings(text, "jargon") == []


def test_jargon_inside_a_quoted_title_is_skipped():
    text = "Bonjour,\nMerci pour votre message « Délai d’instruction trop long ». " + BODY
    assert findings(text, "jargon") == []


def test_acronyms_in_a_list_or_after_a_known_one_are_not_shouting():
    """Two acronyms side by side ("RCS ou RSAC", "SMS de l'ANTS") are no shouted phrase;
    an acronym opening a bracketed list is not explained by its bracket."""
    text = (
        "Bonjour,\n" + BODY + "Vous n’êtes pas inscrit au RCS ou RSAC. Vous avez reçu un SMS "
        "de l’ANTS. Plusieurs services suivent ce sujet (DDPP, douanes)."
    )
    flagged = findings(text, "jargon")
    assert {"RCS", "ANTS", "DDPP"} <= set(flagged), flagged


def test_shouted_phrases_are_still_not_acronyms():
    text = "Bonjour,\n" + BODY + "MERCI DE NE PAS RÉPONDRE à ce message."
    assert findings(text, "jargon") == []


def test_the_exports_lost_spaces_do_not_hide_an_entry():
    """Exports turn some non-breaking spaces into " ;" glued to the next word, or leave
    a space and a non-breaking space side by side: an entry is found across either."""
    text = (
        "Bonjour,\n"
        + BODY
        + "Écrivez-nous par la voie ;postale. Vous pouvez vous rapprocher &nbsp;de la mairie."
    )
    flagged = findings(text, "jargon")
    assert "par la voie ;postale" in flagged, flagged
    assert any(span.startswith("vous rapprocher") for span in flagged), flagged


def test_a_draft_for_a_placeholder_pseudonym_says_a_plain_bonjour():
    from sprep_templates import Contact, Experience, Signature, draft_reply

    reply = draft_reply(
        Experience(id="1", sentiment="negative", pseudonym="Aucun"),
        signature=Signature(first_name="Jean", organisation="la Caf de Paris"),
        contacts=[Contact("phone", "32 30")],
    )
    assert reply.text.startswith("Bonjour,")


def test_plain_text_positions_map_back_into_the_text_as_given():
    """Every character of the plain text maps back in order, within the text, to itself
    or to the entity, spaces or semicolon it replaced (hypothesis)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sprep_templates.checking._entities import decode

    pieces = st.sampled_from(
        [
            "mot",
            "é",
            " ",
            "  ",
            "&nbsp;",
            "&eacute;",
            "&amp;",
            "&bogus;",
            " ;x",
            "; ",
            "\u00a0",
            "\n",
        ]
    )

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=30))
    def check(parts):
        text = "".join(parts)
        plain, origins = decode(text)
        if origins is None:
            assert plain == text
            return
        previous = -1
        for index, char in enumerate(plain):
            start, end = origins.span(index, index + 1)
            assert previous <= start < end <= len(text)
            previous = start
            source = text[start:end]
            assert source == char or source.startswith("&") or not source.strip(" \u00a0;")

    check()
