"""Every limit the library works within, in one place.

- the guide's word bounds (:data:`MIN_WORDS`, :data:`MAX_WORDS`);
- :data:`GUARANTEED_LIMITS`: inputs within them always give a reply of 60 to
  150 words (the exhaustive proof in ``drafting/_length_proof.py`` derives its
  extreme inputs from this module, so raising a limit here is proven or fails);
- the screening limits: the longest pseudonym a greeting uses, the longest
  title a reply quotes;
- the sizes inputs may have (``InvalidInputError`` beyond them);
- the channels: the export's "Canaux Typologie" values and the channel each
  one names in a template.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CHANNEL_KINDS",
    "EXPORT_CHANNELS",
    "FREE_TEXT_MAX_CHARS",
    "GUARANTEED_LIMITS",
    "MAX_CHANNELS",
    "MAX_CHECKED_CHARS",
    "MAX_CONTACTS",
    "MAX_DESCRIPTION_CHARS",
    "MAX_GREETED_LENGTH",
    "MAX_GREETED_WORDS",
    "MAX_ID_CHARS",
    "MAX_PSEUDONYM_CHARS",
    "MAX_QUOTED_TITLE_CHARS",
    "MAX_QUOTED_TITLE_WORDS",
    "MAX_ROW_BYTES",
    "MAX_SIMILAR",
    "MAX_STRUCTURES",
    "MAX_TITLE_CHARS",
    "MAX_WORDS",
    "MIN_WORDS",
]

#: The guide's bounds: a reply has 60 to 150 words, greeting and signature included.
MIN_WORDS = 60
MAX_WORDS = 150

#: Inputs within these limits always give a reply of 60 to 150 words, whatever
#: the sentiment, channel, pseudonym, title and phrasings (proven by the tests).
#: Beyond them a reply may still fit; when it does not, draft_reply raises
#: ReplyTooLongError saying which field to shorten and by how many words.
GUARANTEED_LIMITS = MappingProxyType(
    {
        "situation_words": 15,
        "answer_words": 25,
        "improvement_words": 15,
        "action_words": 15,  # the action the administration registered (the export's Action)
        "contacts": 2,  # phone, web or e-mail, without label
        "organisation_words": 7,
        "first_name_words": 2,
        "min_free_text_words": 5,  # a situation, answer or improvement given has at least 5 words
    }
)

# --- screening: what of the user's own text a reply repeats ---------------------------

#: A pseudonym longer than this (characters or words) is not used in a greeting.
MAX_GREETED_LENGTH = 40
MAX_GREETED_WORDS = 4
#: A title longer than this (words or characters) is not quoted.
MAX_QUOTED_TITLE_WORDS = 6
MAX_QUOTED_TITLE_CHARS = 60

# --- sizes of inputs ------------------------------------------------------------------

#: An agent's situation, answer or improvement, in characters.
FREE_TEXT_MAX_CHARS = 2000
MAX_ID_CHARS = 64
MAX_PSEUDONYM_CHARS = 100
MAX_TITLE_CHARS = 300
MAX_CHANNELS = 12
#: What the user wrote (the platform's longest in the sample is 7,875 characters).
MAX_DESCRIPTION_CHARS = 50_000
#: The structures one row may concern (the export has three columns; JSON lines may
#: list more, up to this: each one is a draft).
MAX_STRUCTURES = 10
#: The export's "Expériences Similaires" (363 at most in the sample).
MAX_SIMILAR = 1_000_000
#: A reply given to ``check_reply``, in characters: as much as an export row holds
#: (:data:`MAX_ROW_BYTES`), 1,000 times a reply of 150 words (the longest of the 195
#: real replies has 8,790 characters). Checking is linear (a second at most), the
#: bound keeps a whole pasted document from holding an audit longer.
MAX_CHECKED_CHARS = 1_000_000
#: Contacts one reply may point to (the guaranteed length holds for fewer: see above).
MAX_CONTACTS = 4
#: A row of an export larger than this is refused (a description of several
#: megabytes is no experience a reply can answer, and it would hold memory for nothing).
MAX_ROW_BYTES = 1 << 20

# --- channels -------------------------------------------------------------------------

#: The export's "Canaux Typologie" values, as the platform writes them, and the
#: channel each one names in a template (``moment(channel)`` in ``shared/macros.j2``).
EXPORT_CHANNELS = MappingProxyType(
    {
        "Téléphone": "phone",
        "Accueil": "counter",
        "Démarche en ligne": "online",
        "Compte ou espace personnel": "account",
        "Courrier": "mail",
        "E-mail": "email",
        "Tchat (messagerie instantanée)": "chat",
        "Réseaux Sociaux": "social",
    }
)

#: Every channel a template may receive (``None`` too: no known channel).
CHANNEL_KINDS: tuple[str, ...] = tuple(dict.fromkeys(EXPORT_CHANNELS.values()))
