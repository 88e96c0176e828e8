"""Waits told as a start date or as "N ans après", and "urgent" in a suggestion (issue
20, wording, second round). Small inputs written for this test."""

from __future__ import annotations

from datetime import date

from sprep_templates.experience import read_said

PUBLISHED = date(2022, 3, 15)


def test_a_start_month_and_year_is_a_wait_counted_from_the_publication():
    said = read_said(None, "J'attends ma carte depuis septembre 2021.", published=PUBLISHED)
    assert (said.severity, said.waited) == ("wait", "six mois")


def test_a_start_day_and_month_is_the_latest_before_the_publication():
    said = read_said(None, "Mon dossier est bloqué depuis le 5 octobre.", published=PUBLISHED)
    assert (said.severity, said.waited) == ("wait", "cinq mois")


def test_a_start_year_is_a_wait_of_years():
    said = read_said(None, "Je relance la caisse depuis 2019.", published=PUBLISHED)
    assert (said.severity, said.waited) == ("wait", "plus de deux ans")


def test_a_start_date_without_publication_is_no_wait():
    assert read_said(None, "J'attends ma carte depuis septembre 2021.").waited is None


def test_years_after_is_a_wait():
    said = read_said(None, "Trois ans après la fermeture, le dossier n'est pas clos.")
    assert (said.severity, said.waited) == ("wait", "trois ans")


def test_the_longest_wait_wins():
    said = read_said(
        None, "Cela fait 4 mois que j'attends, et je relance depuis 2019.", published=PUBLISHED
    )
    assert said.waited == "plus de deux ans"


def test_urgent_in_a_suggestion_is_not_serious():
    said = read_said(None, "Il serait urgent de simplifier ce formulaire.")
    assert said.severity is None


def test_more_than_a_year_told_in_words_is_a_wait():
    said = read_said(None, "Cela fait plus d'une année que j'ai déposé ma demande.")
    assert (said.severity, said.waited) == ("wait", "plus d’un an")


def test_a_date_with_no_waiting_in_its_sentence_is_no_wait():
    """ "depuis 2015" of a page not updated, "depuis deux ans" of sales calls: a start
    date or a duration is a wait only where the sentence tells of waiting (a blind
    reviewer found "Attendre plus de quatre ans…" said of a site not updated)."""
    for text in (
        "Le site n'a pas été mis à jour depuis 2015.",
        "Depuis deux ans, je reçois des appels commerciaux tous les jours.",
        "Je suis client depuis septembre 2021 et tout va bien.",
        "Cela fait sept mois que j'habite dans cette ville.",
    ):
        said = read_said(None, text, published=PUBLISHED)
        assert said.waited is None, text


def test_a_date_in_a_sentence_that_waits_is_a_wait():
    for text, waited in (
        ("Depuis 4 mois, toujours aucune réponse.", "quatre mois"),
        ("Cela fait 6 mois que mon dossier est en cours.", "six mois"),
        ("Depuis septembre 2021, je n'ai rien reçu.", "six mois"),
        ("Au bout de 8 mois, je peux enfin commencer les travaux.", "huit mois"),
        ("3 mois après on en est toujours au même point.", "trois mois"),
        ("Mon dossier depuis octobre va être étudié, me dit-on.", "cinq mois"),
    ):
        said = read_said(None, text, published=PUBLISHED)
        assert (said.severity, said.waited) == ("wait", waited), text
