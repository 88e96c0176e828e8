"""Plain French sentences, written for this project, that hold no jargon: the
`jargon` rule must find nothing in them (tests/test_jargon.py, benchmarks/jargon_eval.py).
They use ordinary words that share their first letters with lexicon entries
(instructions, notifications on a phone, percevoir a sound, relever a mistake)."""

PLAIN_TEXTS = (
    "Bonjour, merci pour votre message. Nous avons étudié votre dossier et il est complet.",
    "Suivez les instructions affichées à l’écran pour créer votre compte.",
    "Vous recevrez une alerte sur votre téléphone quand votre carte sera prête.",
    "Nous comprenons votre colère : attendre trois mois sans réponse est trop long.",
    "Votre carte grise vous sera envoyée par courrier dans les 15 jours.",
    "Vous pouvez nous appeler au 39 60 du lundi au vendredi, de 8 h à 17 h.",
    "Nous avons corrigé l’erreur sur votre adresse. Merci de nous l’avoir signalée.",
    "Pour demander votre retraite, allez sur votre espace personnel et cliquez sur « Demander ma retraite ».",
    "Les documents doivent être au format pdf, png ou jpeg, de 1 Mo au plus.",
    "Un conseiller vous rappellera demain matin pour faire le point avec vous.",
    "Nous avons bien reçu vos pièces justificatives et nous les vérifions.",
    "Votre demande est en cours d’étude. Vous aurez une réponse avant la fin du mois.",
    "Si vous n’êtes pas d’accord avec cette décision, vous pouvez la contester : écrivez-nous en expliquant pourquoi.",
    "Nous transmettons votre message à l’équipe de l’accueil pour améliorer nos horaires.",
    "La somme versée en trop doit être remboursée : vous pouvez la payer en plusieurs fois.",
    "Le site a été modifié pour que vous puissiez joindre plusieurs documents en une fois.",
    "Nous sommes heureux que notre conseillère ait pu vous aider si vite.",
    "Votre prime d’activité est calculée à partir des revenus que vous déclarez chaque trimestre.",
    "Vous pouvez vous rendre dans une maison France services près de chez vous.",
    "Nous regrettons l’attente au téléphone ; nous ajoutons des conseillers le lundi matin.",
    "Le relevé de carrière montre les trimestres que vous avez déjà validés.",
    "Un agent a relevé une erreur dans le calcul et l’a corrigée tout de suite.",
    "Nous avons noté votre remarque sur le formulaire : il sera plus court cet été.",
    "Votre passeport est disponible en mairie depuis lundi.",
    "Le médecin vous a prescrit un arrêt de travail de huit jours.",
)
