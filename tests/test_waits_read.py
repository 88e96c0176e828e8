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
