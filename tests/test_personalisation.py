"""Drafts that read the experience: ratings, who wrote, others, the wait, the action,
an unreachable phone and sensitive cases (issue 12)."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

import pytest

from sprep_templates import Contact, Experience, Signature, draft_many, draft_reply
from sprep_templates.drafting import load_template_set
from sprep_templates.experience import DEFAULT_LATE_AFTER_DAYS, tone_of
from sprep_templates.inputs import CRITERIA
from sprep_templates.profile import Profile

SIGNATURE = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)
PROFILE = Profile(signature=SIGNATURE, contacts=(PHONE, WEB))

HARD = {
    # Named as the user told it; with no words about it, in a neutral form (issue 20).
    "accessibility": "un accès difficile au service",
    "information": "des explications peu claires",
    "relation": "un accueil décevant",
    "reactivity": "des délais trop longs",
    "simplicity": "une démarche trop compliquée",
}
LIKED = {
    "accessibility": "un accès facile au service",
    "information": "la clarté de nos explications",
    "relation": "la qualité de notre accueil",
    "reactivity": "la rapidité de notre réponse",
    "simplicity": "la simplicité de la démarche",
}
#: Joy about the whole experience (not about one criterion the user appreciated).
JOY = re.compile(
    r"très heureux|ravis d’avoir|fait très plaisir|heureux de votre satisfaction|"
    r"vous ait donné satisfaction|eu plaisir|lu avec plaisir|Bonne journée|!"
)
APOLOGIES = (
    "Nous vous prions de nous excuser pour cette réponse tardive.",
    "Pardonnez-nous de vous répondre avec autant de retard.",
    "Excusez-nous de vous répondre si tard.",
)


def draft(contacts=(PHONE, WEB), **fields):
    fields.setdefault("id", "42")
    return draft_reply(Experience(**fields), signature=SIGNATURE, contacts=contacts, today=TODAY)


# --- 1. ratings --------------------------------------------------------------------


@pytest.mark.parametrize("criterion", CRITERIA)
@pytest.mark.parametrize("experience_id", ["1", "2", "3", "4", "5", "6"])
def test_a_criterion_rated_negative_is_named(criterion, experience_id):
    """What the user found hard is named in the acknowledgement, in plain words."""
    reply = draft(id=experience_id, sentiment="negative", ratings={criterion: "Négatif"})
    assert HARD[criterion] in reply.steps["acknowledgement"]
    assert "ratings" in reply.personalised_by and reply.names_difficulty


def test_at_most_two_criteria_each_side():
    """Three negative criteria: the first two are named, so the length holds."""
    reply = draft(
        sentiment="negative",
        ratings={"accessibility": "negative", "reactivity": "negative", "simplicity": "negative"},
    )
    ack = reply.steps["acknowledgement"]
    assert HARD["accessibility"] in ack and HARD["reactivity"] in ack
    assert HARD["simplicity"] not in ack


@pytest.mark.parametrize("experience_id", [str(n) for n in range(12)])
def test_what_was_appreciated_is_named_in_a_negative_experience_too(experience_id):
    """A positive criterion in a negative experience: "Vous soulignez toutefois…"."""
    reply = draft(
        id=experience_id,
        sentiment="negative",
        ratings={"accessibility": "negative", "relation": "positive"},
    )
    ack = reply.steps["acknowledgement"]
    assert LIKED["relation"] in ack
    assert re.search(r"toutefois|cependant|aussi", ack)


@pytest.mark.parametrize("experience_id", [str(n) for n in range(12)])
def test_a_neutral_experience_with_a_negative_criterion_expresses_regret(experience_id):
    """Neutre but a criterion rated negative: the reply regrets."""
    reply = draft(id=experience_id, sentiment="Neutre", ratings={"information": "Négatif"})
    assert re.search(r"regrett|désolés|navrés", reply.text)
    assert "Merci aussi pour votre confiance" not in reply.text


@pytest.mark.parametrize("experience_id", [str(n) for n in range(12)])
def test_no_joy_about_a_side_rated_negative(experience_id):
    """A positive experience with a criterion rated negative: no joy about the whole."""
    reply = draft(
        id=experience_id,
        sentiment="positive",
        ratings={"relation": "positive", "simplicity": "positive", "reactivity": "negative"},
    )
    assert reply.tone == "positive"
    assert not JOY.search(reply.steps["acknowledgement"])
    assert HARD["reactivity"] in reply.steps["acknowledgement"]


def test_a_complaint_filed_as_positive_is_answered_as_a_complaint():
    """More criteria rated negative than positive: the reply takes the negative tone."""
    experience = Experience(
        sentiment="Positif", ratings={"accessibility": "Négatif", "reactivity": "Négatif"}
    )
    assert tone_of(experience) == "negative"
    reply = draft(
        sentiment="Positif", ratings={"accessibility": "Négatif", "reactivity": "Négatif"}
    )
    assert reply.sentiment == "positive" and reply.tone == "negative"
    assert not JOY.search(reply.text)


def test_unrated_criteria_say_nothing():
    """No rating: no criterion named, and no `ratings` in what personalised the reply."""
    reply = draft(sentiment="negative", ratings={"relation": "", "information": None})
    assert not any(p in reply.text for p in (*HARD.values(), *LIKED.values()))
    assert "ratings" not in reply.personalised_by


def test_each_new_sentence_has_three_phrasings():
    """Every sentence the export adds has three distinct phrasings."""
    module = load_template_set().environment.get_template("shared/experience.j2").module
    names = ("accessibility", "simplicity")
    calls = {
        "hard": lambda n: module.hard_sentence("negative", names, n),
        "liked": lambda n: module.liked_sentence("negative", names, n, False),
        "writer": lambda n: module.writer_thanks("relative", n),
        "late": lambda n: module.late_apology(n),
        "sober": lambda n: module.sober_sentence(n),
        "similar": lambda n: module.similar_sentence("negative", 12, "12", n),
        "action": lambda n: module.action_sentence("Nouveaux horaires", n),
    }
    for name, call in calls.items():
        assert len({str(call(n)) for n in range(3)}) == 3, name


# --- 2. who wrote -------------------------------------------------------------------


@pytest.mark.parametrize("experience_id", [str(n) for n in range(9)])
def test_a_relative_is_thanked_and_the_reply_speaks_of_their_relative(experience_id):
    """Posted by a relative: thanked for writing for them; "votre proche" lived it."""
    reply = draft(
        id=experience_id, sentiment="negative", posted_as="Un proche de la personne concernée"
    )
    assert "votre proche" in reply.steps["thanks"]
    assert "votre proche" in reply.steps["acknowledgement"]
    assert "que vous avez rencontrées" not in reply.text
    assert "posted_as" in reply.personalised_by


@pytest.mark.parametrize("experience_id", [str(n) for n in range(9)])
def test_a_mediator_is_thanked_for_relaying(experience_id):
    """Posted by a mediator: thanked for writing for the person they help."""
    reply = draft(id=experience_id, sentiment="positive", posted_as="mediator")
    assert "la personne que vous accompagnez" in reply.steps["thanks"]


# --- 3. similar experiences --------------------------------------------------------------


@pytest.mark.parametrize(
    ("similar", "said"), [(1, "une autre personne"), (12, "12 autres"), (1200, "1\u202f200 autres")]
)
def test_others_who_lived_the_same_are_said_plainly(similar, said):
    """Others said "me too": the improvement says so, and that it weighs, promising nothing."""
    reply = draft(sentiment="negative", similar=similar, ratings={"reactivity": "negative"})
    improvement = reply.steps["improvement"]
    assert said in improvement.lower() or said in improvement
    assert re.search(r"compte|pèsent|tenons compte", improvement)
    assert not re.search(
        r"nous allons (corriger|régler|résoudre)|sera (corrigé|réglé)", improvement
    )


def test_no_others_no_sentence():
    """similar=0 says nothing of others."""
    assert "autre personne" not in draft(sentiment="negative", similar=0).text


# --- 4. the action ---------------------------------------------------------------------


def test_a_registered_action_becomes_the_improvement_step():
    """The action the administration registered is the improvement, quoted, checked."""
    reply = draft(sentiment="negative", action="Ouverture de rendez-vous le samedi matin.")
    assert re.search(r"«\sOuverture de rendez-vous le samedi matin\s»", reply.steps["improvement"])
    assert "action" in reply.personalised_by


def test_the_agents_improvement_wins_over_the_action():
    """With both, the agent's own improvement is the one written."""
    reply = draft_reply(
        Experience(id="1", sentiment="negative", action="Ouverture le samedi matin"),
        signature=SIGNATURE,
        contacts=[PHONE],
        improvement="Nous avons ouvert de nouveaux créneaux de rendez-vous.",
        today=TODAY,
    )
    assert "samedi" not in reply.text
    assert "action" not in reply.personalised_by


def test_an_action_in_jargon_is_checked_like_the_agents_text():
    """The action is the administration's own wording: the checker reads it."""
    reply = draft(sentiment="negative", action="Nous allons solliciter les services concernés")
    assert any(f.rule == "jargon" for f in reply.findings)


# --- 5. the wait ------------------------------------------------------------------------


@pytest.mark.parametrize("experience_id", [str(n) for n in range(6)])
def test_a_late_answer_apologises_once(experience_id):
    """Published more than late_after_days before today: one short apology."""
    published = TODAY - timedelta(days=DEFAULT_LATE_AFTER_DAYS + 1)
    reply = draft(id=experience_id, sentiment="positive", published=published)
    assert sum(reply.text.count(a) for a in APOLOGIES) == 1
    assert "wait" in reply.personalised_by


def test_an_answer_in_time_does_not_apologise():
    """Published within late_after_days: no apology."""
    reply = draft(sentiment="negative", published=TODAY - timedelta(days=DEFAULT_LATE_AFTER_DAYS))
    assert not any(a in reply.text for a in APOLOGIES)


def test_late_after_days_is_the_profiles():
    """The profile's late_after_days sets when a reply is late."""
    row = {"id": "1", "sentiment": "negative", "published": "2026-11-01"}
    strict = Profile(signature=SIGNATURE, contacts=(PHONE,), late_after_days=7)
    (late,) = draft_many([row], profile=strict, today=TODAY)
    (in_time,) = draft_many([row], profile=PROFILE, today=TODAY)
    assert "wait" in late.reply.personalised_by
    assert "wait" not in in_time.reply.personalised_by


def test_an_unreadable_export_date_is_noted_not_refused():
    """A date the export gives in a form that cannot be read: drafted, no apology, a note."""
    row = {"ID expérience": "7", "Ressenti usager": "Négatif", "Date de publication": "31/31/2023"}
    (result,) = draft_many([row], profile=PROFILE, today=TODAY)
    record = result.record()
    assert not any(a in record["text"] for a in APOLOGIES)
    assert "31/31/2023" in record["notes"][0]


def test_export_dates_with_day_and_month_swapped_are_read():
    """DD/MM/YYYY HH:MM, and MM/DD/YYYY when the second number is over 12."""
    assert Experience(sentiment="negative", published="06/10/2022 15:07").published == date(
        2022, 10, 6
    )
    assert Experience(sentiment="negative", published="10/26/2022 15:07").published == date(
        2022, 10, 26
    )


# --- 6. phone out of reach ------------------------------------------------------------


def test_phone_out_of_reach_puts_other_contacts_first():
    """Accessibility rated negative with a phone channel: the web contact comes first."""
    reply = draft(
        sentiment="negative", channels=("Téléphone",), ratings={"accessibility": "Négatif"}
    )
    orientation = reply.steps["orientation"]
    assert orientation.index("https://") < orientation.index("32 30")


def test_phone_out_of_reach_from_the_description():
    """The description says the phone rings out: the other contacts come first."""
    reply = draft(
        sentiment="negative",
        description="Impossible de joindre la caisse par téléphone, ça sonne dans le vide.",
    )
    orientation = reply.steps["orientation"]
    assert orientation.index("https://") < orientation.index("32 30")


def test_phone_alone_when_it_is_the_only_contact():
    """With only a phone contact, it is still given (nothing else to offer)."""
    reply = draft(contacts=(PHONE,), sentiment="negative", ratings={"accessibility": "negative"})
    assert "32 30" in reply.steps["orientation"]


def test_phone_first_otherwise():
    """No sign the phone failed: the contacts keep the profile's order."""
    orientation = draft(sentiment="negative").steps["orientation"]
    assert orientation.index("32 30") < orientation.index("https://")


# --- 7. sensitive cases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentiment", "experience_id"),
    itertools.product(["positive", "neutral", "negative"], ["1", "2", "3", "4", "5"]),
)
def test_a_sensitive_case_is_drafted_soberly_and_never_ready(sentiment, experience_id):
    """A death in the description: attention, a sober reply (no joy, no !, no title)."""
    reply = draft(
        id=experience_id,
        sentiment=sentiment,
        title="Merci pour tout",
        description="Après le décès de ma mère, j’ai dû refaire toutes les démarches.",
    )
    assert reply.attention and "décès" in reply.attention[0]
    assert not reply.ready and reply.status == "to_review"
    assert not JOY.search(reply.text)
    assert "Merci pour tout" not in reply.text


@pytest.mark.parametrize(
    "description",
    [
        "Mon courrier est resté lettre morte.",
        "Nous nous sommes battus pendant des mois pour obtenir un rendez-vous.",
        "J’ai dû contacter la Répression des fraudes.",
    ],
)
def test_ordinary_uses_of_the_same_words_need_no_attention(description):
    """ "lettre morte", "nous nous sommes battus", "Répression des fraudes": not sensitive."""
    assert draft(sentiment="negative", description=description).attention == ()


# --- 8. statuses and what personalised the reply ------------------------------------------------


def test_a_negative_reply_naming_nothing_is_to_complete():
    """No situation, no negative criterion: an agent should add a sentence."""
    assert draft(sentiment="negative").status == "to_complete"
    assert draft(sentiment="neutral").status == "to_complete"
    assert draft(sentiment="positive").status == "ready"


def test_the_agents_situation_completes_it():
    """The agent's situation names the difficulty: ready."""
    reply = draft_reply(
        Experience(id="1", sentiment="negative"),
        signature=SIGNATURE,
        contacts=[PHONE],
        situation="Vous attendez une réponse depuis trois mois.",
        today=TODAY,
    )
    assert reply.status == "ready"
    assert "agent text" in reply.personalised_by


def test_personalised_by_lists_what_changed_the_reply():
    """Each item is listed when the reply reads differently without it."""
    reply = draft(
        sentiment="negative",
        title="Relevé de carrière",
        channels=("Accueil",),
        ratings={"reactivity": "negative"},
        posted_as="relative",
        similar=3,
        published=date(2020, 1, 1),
        action="Nouveaux horaires d’accueil",
    )
    assert set(reply.personalised_by) >= {
        "title",
        "ratings",
        "posted_as",
        "similar",
        "wait",
        "action",
    }


def test_left_out_to_keep_to_150_words_is_noted():
    """When the agent's text leaves no room, the extra sentences go, and the notes say so."""
    long = " ".join(["mot"] * 24) + "."
    reply = draft_reply(
        Experience(
            id="3",
            sentiment="negative",
            title="Relevé de carrière",
            ratings={
                "accessibility": "negative",
                "reactivity": "negative",
                "relation": "positive",
                "information": "positive",
            },
            posted_as="mediator",
            similar=300,
            published=date(2020, 1, 1),
        ),
        signature=Signature("Marie Anne", "le consulat général de France à Montréal"),
        contacts=[
            Contact("phone", "+33 1 23 45 67 89"),
            Contact("email", "contact@exemple.gouv.fr"),
        ],
        situation=" ".join(["mot"] * 14) + ".",
        answer=long,
        improvement=" ".join(["mot"] * 14) + ".",
        today=TODAY,
    )
    assert reply.word_count <= 150
    assert reply.notes and all(n.startswith("left out to keep to 150 words") for n in reply.notes)


# --- 9. the export's columns, by draft_many ----------------------------------------------------


def test_export_columns_feed_the_experience():
    """The export's rating, Posté comme, Expériences Similaires and Action columns are read."""
    row = {
        "ID expérience": 12,  # pandas reads ids as numbers
        "Ressenti usager": "Neutre",
        "Accessibilité": "Négatif",
        "Relation": "Positif",
        "Posté comme": "Un agent de médiation",
        "Expériences Similaires": "4",
        "Date de publication": "06/10/2022 15:07",
        "Action": "Nouveaux horaires",
        "Description": "Le standard ne répond jamais.",
    }
    (result,) = draft_many([row], profile=PROFILE, today=TODAY)
    experience_text = result.reply.text
    assert result.id == "12"
    # Access rated negative, named as the user told it: the phone (issue 20).
    assert "la difficulté à nous joindre" in experience_text
    assert "la personne que vous accompagnez" in experience_text
    assert "4 autres" in experience_text or "4\u202fautres" in experience_text
    assert re.search(r"«\sNouveaux horaires\s»", experience_text)
    assert set(result.reply.personalised_by) >= {
        "ratings",
        "posted_as",
        "similar",
        "wait",
        "action",
    }


def test_json_lines_use_the_experience_field_names():
    """JSON-lines input gives the new fields by their Experience names."""
    row = {
        "id": "9",
        "sentiment": "negative",
        "ratings": {"simplicity": "negative"},
        "posted_as": "relative",
        "similar": 2,
        "published": "2026-11-27",
    }
    (result,) = draft_many([row], profile=PROFILE, today=TODAY)
    assert HARD["simplicity"] in result.reply.text
    assert "votre proche" in result.reply.text
    assert "wait" not in result.reply.personalised_by


def test_bad_new_fields_are_refused_naming_the_field():
    """A criterion that does not exist, a negative count, a bad posted_as: clear errors."""
    with pytest.raises(ValueError, match="unknown criterion 'speed'"):
        Experience(sentiment="negative", ratings={"speed": "negative"})
    with pytest.raises(ValueError, match=r"Experience\.similar"):
        Experience(sentiment="negative", similar=-1)
    with pytest.raises(ValueError, match=r"Experience\.posted_as"):
        Experience(sentiment="negative", posted_as="le voisin")
    with pytest.raises(ValueError, match=r"Experience\.published"):
        Experience(sentiment="negative", published="hier")
    with pytest.raises(TypeError, match="late_after_days"):
        draft_reply(
            Experience(sentiment="negative"),
            signature=SIGNATURE,
            contacts=[PHONE],
            late_after_days="30",
        )


def test_a_long_description_is_accepted_and_never_repeated():
    """The platform's long descriptions are read, never quoted back."""
    description = "Mon dossier est bloqué depuis des mois. " * 200
    reply = draft(sentiment="negative", description=description)
    assert "bloqué" not in reply.text


def test_the_experience_is_read_once_per_draft(monkeypatch, tmp_path):
    """One reading per draft, passed to the templates' context: the template contract
    has no reading of its own (it used to read the experience again with today's date
    when not handed one), with built-in templates or a custom folder."""
    import inspect

    from sprep_templates.drafting import _compose, _contract
    from sprep_templates.experience import personalise

    reading = inspect.signature(_contract.step_context).parameters["reading"]
    assert reading.default is inspect.Parameter.empty
    folder = tmp_path / "negative" / "thanks"
    folder.mkdir(parents=True)
    (folder / "01.j2").write_text("Merci pour votre message, lu avec attention.", "utf-8")
    load_template_set(tmp_path)  # loading a folder renders every phrasing once, apart
    calls = []

    def counted(*args, **kwargs):
        calls.append(args)
        return personalise(*args, **kwargs)

    monkeypatch.setattr(_compose, "personalise", counted)
    for template_dir in (None, tmp_path):
        calls.clear()
        draft_reply(
            Experience(sentiment="negative", description="Personne ne répond au téléphone."),
            signature=SIGNATURE,
            contacts=[PHONE],
            template_dir=template_dir,
        )
        assert len(calls) == 1
