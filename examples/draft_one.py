"""Draft one reply from structured inputs and print it with its word count."""

from sprep_templates import Contact, Experience, Signature, draft_reply

reply = draft_reply(
    Experience(
        id="2904756",
        sentiment="Négatif",
        pseudonym="Sandrine",
        title="Relevé de carrière",
        channels=("Téléphone",),
    ),
    signature=Signature(first_name="Jean", organisation="la Caf de Paris"),
    contacts=[
        Contact(kind="phone", value="32 30"),
        Contact(kind="web", value="https://www.caf.fr/nous-contacter"),
    ],
    situation=(
        "Vous rencontrez des difficultés pour charger vos pièces justificatives "
        "sur notre site."
    ),
    answer="Les documents doivent être au format pdf, png ou jpeg, de 1 Mo au plus.",
)
print(reply.text)
print(f"\n[{reply.word_count} mots]")
