"""Hostile or unlucky descriptions against the notes a draft gives its agent (issue 20's
statuses): a note quotes the user's sentence, so it must carry no personal data and
nothing an output cannot write; reading stays linear whatever the description holds.

Every description is written for this test (never a real one).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply

SIGNATURE = Signature("Jean", "la Caf de Paris")
CONTACTS = (Contact("phone", "32 30"),)
SRC = Path(__file__).resolve().parents[1] / "src"


def _draft(description: str, sentiment: str = "Négatif"):
    experience = Experience(id="1", sentiment=sentiment, description=description)
    return draft_reply(experience, signature=SIGNATURE, contacts=CONTACTS, today=date(2026, 11, 28))


def _quoted(reply) -> list[str]:
    fields = [reply.question, reply.request, reply.blocked, reply.complaint, reply.to_add]
    return [text for text in fields if text is not None] + list(reply.to_dict()["notes"])


#: Five digits or more in a row, spaces, dots, dashes or slashes between them.
_DIGITS = re.compile(r"\d(?:\s?[./-]?\s?\d){4,}")


@pytest.mark.parametrize(
    "description",
    [
        "Pouvez-vous me rappeler au 06 12 34 56 78 ?",
        "Pourquoi mon numéro de sécurité sociale 1 85 05 78 006 084 36 est refusé ?",
        "Quand allez-vous rembourser sur FR76 3000 6000 0112 3456 7890 189 ?",
        "Merci de me rappeler au 06 / 12 / 34 / 56 / 78.",
        "Merci de me rappeler au 06.12.34.56.78 demain.",
        "Que dois-je faire, mon adresse est jean.dupont@exemple.fr ?",
    ],
)
def test_a_quoted_question_or_request_carries_no_phone_nir_iban_or_email(description):
    reply = _draft(description)
    assert reply.status == "to_complete"
    for text in _quoted(reply):
        assert not _DIGITS.search(text), text
        assert "@" not in text, text


def test_a_lone_surrogate_in_a_quoted_sentence_is_no_character_of_the_note():
    reply = _draft("Merci de traiter mon dossier \ud800 au plus vite.")
    assert reply.request is not None
    for text in _quoted(reply):
        text.encode("utf-8")  # a UTF-8 output can write it


def test_draft_writes_every_row_when_a_json_line_escapes_a_lone_surrogate(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"id": "1", "sentiment": "negative", '
        '"description": "Merci de traiter mon dossier \\ud800 vite."}\n'
        '{"id": "2", "sentiment": "negative", "description": "Merci de me rappeler."}\n',
        encoding="utf-8",
    )
    for name in ("drafts.jsonl", "drafts.csv"):
        out = tmp_path / name
        done = subprocess.run(
            [sys.executable, "-m", "sprep_templates", "draft", str(rows), "-o", str(out)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
            check=False,
        )
        assert "Traceback" not in done.stderr, done.stderr
        assert done.returncode == 0, done.stderr
        text = out.read_text(encoding="utf-8")
        assert text.count('"1"' if name.endswith("jsonl") else "\n1,") == 1
        if name.endswith("jsonl"):
            assert [json.loads(line)["id"] for line in text.splitlines()] == ["1", "2"]


def test_experience_description_keeps_no_lone_surrogate():
    description = Experience("negative", description="Mon dossier \ud800 est bloqué.").description
    assert description is not None
    description.encode("utf-8")


@pytest.mark.parametrize(
    "description",
    [
        "Merci pour votre réponse rapide, tout est réglé.",
        "Merci beaucoup pour votre réponse claire, j'ai pu finir ma démarche.",
        "Accueil parfait. Comment ne pas être satisfait ?",
        "Un rendez-vous le samedi ? Pourquoi pas ?",
        "Tout était prêt, pourquoi pas ?",
    ],
)
def test_a_satisfied_user_who_asks_nothing_gets_a_ready_draft(description):
    """Thanks for an answer already given, a rhetorical "comment ne pas…?", a "pourquoi
    pas ?" of agreement: nothing to answer, nothing to do."""
    for reply in (_draft(description, "Positif"), _draft(description, "Neutre")):
        assert reply.question is None and reply.request is None, reply.to_add


@pytest.mark.parametrize(
    ("description", "field"),
    [
        ("Merci d'avance pour votre réponse rapide.", "request"),
        ("Pourquoi pas de réponse depuis trois semaines ?", "question"),
        ("Comment ne pas perdre mes droits ?", "question"),
        ("Comment ne pas payer deux fois la taxe ?", "question"),
    ],
)
def test_the_same_words_still_ask(description, field):
    """The figures above are narrow: an answer awaited, "why no answer?", "how do I
    avoid…?" still ask."""
    assert getattr(_draft(description, "Neutre"), field) is not None


@pytest.mark.parametrize(
    "description",
    [
        "L'agent m'a dit : « merci de bien vouloir patienter », et tout s'est bien passé.",
        "J'ai reçu un courrier : « merci de nous envoyer votre avis d'imposition ». "
        "Je l'ai envoyé, tout est réglé.",
        'Le site affiche "merci de bien vouloir réessayer plus tard", mais ça a marché.',
    ],
)
def test_words_quoted_from_someone_else_are_no_request_of_the_user(description):
    """What an agent said or a letter wrote, quoted between « » or quotes, is told: the
    user asks nothing."""
    assert _draft(description, "Positif").request is None


def test_a_request_outside_the_quotes_is_still_read():
    reply = _draft(
        "Le courrier disait « merci de patienter ». Merci de traiter mon dossier.", "Neutre"
    )
    assert reply.request == "Merci de traiter mon dossier."
