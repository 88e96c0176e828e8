"""HELD-OUT attack variants (issue 21 items 7-9): written after the fixes and never used
to tune them: other look-alike letters, other insults and words of death, other
invisible code points. The test reports how many are caught and fails below a floor;
the misses it prints are what the screening does not know yet.
"""

from __future__ import annotations

from sprep_templates import Contact, Experience, Signature, draft_reply

SIGNATURE = Signature(first_name="Anne", organisation="la Caf de Paris")
CONTACTS = (Contact(kind="phone", value="32 30"),)

#: Descriptions telling of a death (or a suicide), disguised.
DEATHS = [
    "Mon père est dé\u2062cédé en janvier.",  # invisible times
    "Mon père est déc\u180eédé en janvier.",  # Mongolian vowel separator
    "Mon mari est m\u043ert depuis deux mois.",  # Cyrillic о
    "Mon mari est mor\ufe0ft depuis deux mois.",  # variation selector
    "Le dé\u034fcès de ma mère doit être déclaré.",  # combining grapheme joiner
    "Suite au ᴅécès de mon conjoint, je n'ai plus rien.",  # Latin small capital D
    "Suite au ⓓécès de mon conjoint, je n'ai plus rien.",  # circled d
    "Suite au 𝒹écès de mon conjoint, je n'ai plus rien.",  # mathematical script d
    "Ma fille est déc\U000e0065dée le mois dernier.",  # a tag character
    "Mon frère s'est sui\u00adcidé l'an dernier.",  # soft hyphen, another category
    "Ma sœur est décé\u2063dée.",  # invisible separator
    "Mon fils est déc\u0117dé.",  # ė (Latin e with dot above)
    "Mon père est d\u0435c\u0435d\u0435.",  # Cyrillic е, accents left out
    "Ma mère est DÉCÉ\u200bDÉE.",  # capitals and a zero-width space
    "Mon époux est déc\u1d07dé.",  # Latin small capital E
    "Décès de mon père : je dois fermer son compte.",  # plain, to be sure
]

#: Titles that must not be quoted.
TITLES = [
    "Bande d'incapables",
    "Service de merdе",  # Cyrillic е at the end
    "Administration de mегde",  # Cyrillic е and г (г is no Latin look-alike in the table)
    "Tas de nullards",
    "Bande de connards",
    "Des incapables",
    "Service minable",
    "Vraiment nulles",
    "Administration de m\u200berde",
    "Service de ᴍerde",  # Latin small capital M
    "Service de ⓜerde",  # circled m
    "Une honte",
]

#: Invisible code points that must not reach a draft through the title or the action.
INVISIBLES = [
    "\u2062",
    "\u2063",
    "\u2064",
    "\u206a",
    "\u180e",
    "\ufe0f",
    "\U0001d173",
    "\U000e0020",
    "\U000e007f",
    "\u034f",
    "\uffa0",
    "\u1160",
    "\u17b4",
    "\u2800",  # Braille blank: a visible blank, not default-ignorable
]


def _caught_death(description: str) -> bool:
    reply = draft_reply(
        Experience(sentiment="positive", description=description),
        signature=SIGNATURE,
        contacts=CONTACTS,
    )
    return reply.status == "to_review"


def _title_kept_out(title: str) -> bool:
    for sentiment in ("positive", "neutral", "negative"):
        text = draft_reply(
            Experience(sentiment=sentiment, id="1", title=title),
            signature=SIGNATURE,
            contacts=CONTACTS,
        ).text
        if title.split()[-1] in text:
            return False
    return True


def _invisible_kept_out(char: str) -> bool:
    for field, value in (
        ("title", f"Renouvellement{char} de passeport"),
        ("action", f"Nous avons{char} revu nos horaires."),
        ("pseudonym", f"Sand{char}rine"),
    ):
        text = draft_reply(
            Experience(sentiment="positive", id="1", **{field: value}),
            signature=SIGNATURE,
            contacts=CONTACTS,
        ).text
        if char in text:
            return False
    return True


def test_held_out_variants_are_caught() -> None:
    """HELD-OUT: not used to tune the screening; reports the share caught."""
    misses = (
        [f"death: {text!a}" for text in DEATHS if not _caught_death(text)]
        + [f"title: {text!a}" for text in TITLES if not _title_kept_out(text)]
        + [f"invisible: U+{ord(c):04X}" for c in INVISIBLES if not _invisible_kept_out(c)]
    )
    total = len(DEATHS) + len(TITLES) + len(INVISIBLES)
    print(f"held-out: {total - len(misses)} of {total} caught; missed: {misses}")
    assert total - len(misses) >= 0.8 * total, misses
