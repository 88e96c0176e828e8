"""The procedures a user names (``data/procedures.tsv``, read by ``experience._said``)
and how a reply names each of them."""

from __future__ import annotations

__all__ = ["PROCEDURES", "PROCEDURE_PHRASES"]

#: Each procedure as a reply names it: a singular noun phrase starting with "votre",
#: that fits after "lors de", "de", "après" and before "ne vous a pas apporté" (at
#: most as many words as the longest of :data:`MOMENTS`, which it replaces).
PROCEDURE_PHRASES = {
    "vote-online": "votre vote par internet",
    "proxy": "votre demande de procuration",
    "vote": "votre démarche pour voter",
    "passport": "votre demande de passeport",
    "identity-card": "votre demande de carte d’identité",
    "residence-permit": "votre demande de titre de séjour",
    "naturalisation": "votre demande de naturalisation",
    "civil-status": "votre demande d’acte d’état civil",
    "driving-licence": "votre démarche pour le permis de conduire",
    "vehicle-registration": "votre demande de carte grise",
    "fine": "votre démarche au sujet d’une amende",
    "reversion": "votre démarche pour la retraite de votre conjoint",
    "pension": "votre démarche pour votre retraite",
    "energy-cheque": "votre démarche pour le chèque énergie",
    "activity-bonus": "votre demande de prime d’activité",
    "housing-aid": "votre demande d’aide au logement",
    "health-card": "votre démarche pour la carte Vitale",
    "sick-pay": "votre démarche pour vos indemnités journalières",
    "tax-return": "votre déclaration de revenus",
    "census": "votre démarche de recensement",
    "visa": "votre demande de visa",
    "crit-air": "votre demande de vignette antipollution",
    "social-housing": "votre demande de logement social",
    "consular-registration": "votre inscription consulaire",
    "complaint": "votre dépôt de plainte",
    "chorus-pro": "votre démarche sur Chorus Pro",
    "bloctel": "votre opposition au démarchage téléphonique",
}

#: The procedures ``procedures.tsv`` names, in the order of :data:`PROCEDURE_PHRASES`.
PROCEDURES = tuple(PROCEDURE_PHRASES)
