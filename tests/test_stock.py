"""Stock replies found by repetition: exact and near duplicates, groups of three or more."""

from __future__ import annotations

import json
import re

import pytest

from sprep_templates.checking import StockGroup, find_stock_groups, normalise_reply, stock_finding
from sprep_templates.cli import main

STOCK = (
    "Bonjour {name},\n\nMerci d’avoir partagé votre expérience sur Services Publics +. Nous "
    "avons pris connaissance de votre témoignage du {date}, qui nous est utile pour améliorer "
    "la qualité de notre service. Pour toute question, appelez le {phone} ou écrivez à "
    "{email}. Vous trouverez aussi des réponses sur {link}.\n\n{signer}, pour la Caf de Paris"
)


def stock(n: int, **changes: str) -> str:
    values = {
        "name": ["Sandrine", "Marc D.", "énervédu76", "Jo"][n % 4],
        "date": ["3 mars 2024", "12/05/2023", "1er juin 2022"][n % 3],
        "phone": ["32 30", "01 23 45 67 89"][n % 2],
        "email": [f"agent{n}@caf.fr", "contact@caf.fr"][n % 2],
        "link": [f"https://www.caf.fr/page-{n}", "https://www.caf.fr"][n % 2],
        "signer": ["Jean", "Camille"][n % 2],
    }
    return STOCK.format(**{**values, **changes})


OTHER = [
    "Bonjour Paul, nous regrettons le délai de traitement de votre demande de logement. "
    "Votre conseillère vous rappellera cette semaine pour fixer un rendez-vous en agence.",
    "Bonjour, merci pour votre retour positif sur l’accueil de notre agence de Lille : nous "
    "transmettons vos remerciements à toute l’équipe, qui en sera ravie.",
    "Bonjour Léa, votre carte Vitale a été envoyée à votre nouvelle adresse. Si elle ne vous "
    "parvient pas sous quinze jours, signalez-le depuis votre compte ameli.",
]


def test_names_numbers_dates_emails_links_are_blanked():
    """What changes from one user to the next is blanked."""
    assert normalise_reply(stock(0)) == (
        "Bonjour <nom>,\n\nMerci d’avoir partagé votre expérience sur Services Publics +. "
        "Nous avons pris connaissance de votre témoignage du <date>, qui nous est utile pour "
        "améliorer la qualité de notre service. Pour toute question, appelez le <nombre> ou "
        "écrivez à <e-mail>. Vous trouverez aussi des réponses sur <lien>.\n\n<signature>"
    )


def test_exact_repetitions_are_one_group_with_their_ids():
    """Three replies that differ only by names, numbers, dates, e-mails and links are a group."""
    replies = [("a", stock(0)), ("x", OTHER[0]), ("b", stock(1)), ("c", stock(2))]
    assert find_stock_groups(replies) == [
        StockGroup(3, ("a", "b", "c"), normalise_reply(stock(0)), True)
    ]


def test_near_duplicates_are_grouped():
    """A few words changed still make one group, marked as not exact."""
    replies = [
        ("1", stock(0)),
        ("2", stock(1).replace("notre service", "nos services")),
        ("3", stock(2).replace("Pour toute question", "Si vous avez une question")),
        ("4", OTHER[1]),
    ]
    [group] = find_stock_groups(replies)
    assert (group.size, group.ids, group.exact) == (3, ("1", "2", "3"), False)


def test_a_group_of_two_is_not_reported():
    """Two replies alike are not a stock reply (the default is three or more)."""
    assert find_stock_groups([("a", stock(0)), ("b", stock(1)), ("c", OTHER[2])]) == []
    assert len(find_stock_groups([("a", stock(0)), ("b", stock(1))], min_size=2)) == 1


def test_different_replies_are_not_grouped():
    """Replies on different matters, even with the same greeting, make no group."""
    assert find_stock_groups([(str(n), text) for n, text in enumerate(OTHER)]) == []


def test_similarity_one_keeps_exact_repetitions_only():
    """similarity=1.0: a changed word makes another text."""
    replies = [("1", stock(0)), ("2", stock(1)), ("3", stock(2).replace("notre", "votre"))]
    assert find_stock_groups(replies, similarity=1.0) == []
    assert find_stock_groups(replies)[0].size == 3


def test_bad_parameters_are_refused():
    """min_size under 2 or a similarity outside (0, 1] is a ValueError naming it."""
    with pytest.raises(ValueError, match="min_size"):
        find_stock_groups([], min_size=1)
    with pytest.raises(ValueError, match="similarity"):
        find_stock_groups([], similarity=0)


def test_stock_finding_names_the_group_size():
    """Each reply of a group carries a generic error naming how many were sent."""
    finding = stock_finding(StockGroup(12, ("a",), "…", True))
    assert (finding.rule, finding.severity, finding.start) == ("generic", "error", None)
    assert finding.message == (
        "Réponse type\u00a0: le même texte (noms, nombres, dates et liens mis à part) a été "
        "envoyé 12 fois. Le guide demande une réponse personnalisée."
    )
    near = stock_finding(StockGroup(4, ("a",), "…", False), locale="en")
    assert near.message.startswith(
        "Stock reply: this text was sent 4 times, give or take a few words"
    )


def audit(capsys, path, *more):
    status = main(
        ["check", "--jsonl", str(path), "--field", "reply_text", "--closing-added", *more]
    )
    return status, capsys.readouterr().out


def test_jsonl_audit_reports_groups_with_ids(tmp_path, capsys):
    """--jsonl lists each group with its size, the rows' ids and the text once; each reply
    of a group counts in the generic rule."""
    rows = [{"case_id": f"C-{n}", "reply_text": stock(n)} for n in range(3)]
    rows += [{"case_id": f"C-{n + 3}", "reply_text": text} for n, text in enumerate(OTHER)]
    data = tmp_path / "replies.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    _status, out = audit(capsys, data)
    assert re.search(r"^generic +3 +0$", out, re.M)
    assert "1 group(s) of stock replies" in out
    assert "3 replies, the same text: C-0, C-1, C-2\n    Bonjour <nom>,\n" in out


def test_csv_audit_names_replies_by_id_field_or_line(tmp_path, capsys):
    """A CSV audit names replies by --id-field, or by their line without an id column."""
    data = tmp_path / "replies.csv"
    lines = ["ref;reply_text"] + [f'R{n};"{stock(n)}"' for n in range(3)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _status, out = audit(capsys, data, "--id-field", "ref", "--details")
    assert "3 replies, the same text: R0, R1, R2" in out
    assert out.count("[generic] Réponse type\u00a0: le même texte") == 3
    _status, out = audit(capsys, data)
    assert re.search(r"^3 replies, the same text: line 2, line \d+, line \d+$", out, re.M)


def test_the_path_the_readme_gave_before_still_works():
    """sprep_templates.stock.find_stock_groups (the README's path before the checking
    package took the audit) is the checking package's function."""
    import sprep_templates.checking
    import sprep_templates.stock

    assert sprep_templates.stock.find_stock_groups is sprep_templates.checking.find_stock_groups


ADAPTED = (
    "Bonjour,\n\nMerci de votre retour ! Nous avons bien pris en compte votre message "
    "« {title} ». Nous regrettons vivement les difficultés rencontrées lors de {procedure}. "
    "Vous relevez en particulier {criteria}.\n\nPour toute autre question, nos équipes restent "
    "à votre disposition sur notre site, rubrique contact, du lundi au vendredi.\n\nVotre "
    "message a été transmis à nos équipes. Votre témoignage nous aide à améliorer la qualité "
    "de notre service public, et nous vous en remercions.\n\nCordialement,\nJean, pour la Caf"
)


def test_replies_adapted_to_each_user_in_several_places_are_not_stock():
    """The same phrasing that names each user's own title, procedure and difficulty (a
    dozen words in three places) is adapted to its reader: no stock group. The same
    text with only a few words changed still is one (test above)."""
    fillers = [
        ("Renouvellement de passeport", "votre demande de passeport", "un délai trop long"),
        (
            "Amende contestée",
            "votre démarche au sujet d’une amende",
            "des explications peu claires",
        ),
        ("Prime d’activité", "votre demande de prime d’activité", "un accès difficile au service"),
    ]
    replies = [
        (str(n), ADAPTED.format(title=t, procedure=p, criteria=c))
        for n, (t, p, c) in enumerate(fillers)
    ]
    assert find_stock_groups(replies) == []
    # Sent as they are to three users, the same adapted text is a stock reply.
    same = [(str(n), replies[0][1]) for n in range(3)]
    assert [g.size for g in find_stock_groups(same)] == [3]


def test_max_changed_words_is_checked():
    """A negative or non-integer bound on the changed words is a ValueError naming it."""
    with pytest.raises(ValueError, match="max_changed_words"):
        find_stock_groups([], max_changed_words=-1)
    with pytest.raises(ValueError, match="max_changed_words"):
        find_stock_groups([], max_changed_words=2.5)  # type: ignore[arg-type]
