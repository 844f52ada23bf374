"""French messages of the command parser: refusals, confirmations and examples."""

from __future__ import annotations

MESSAGES = {
    "too_long": (
        "Ce message est trop long pour moi ({n} caractères ; je lis jusqu'à {limit}). "
        "Envoyez une commande courte, par exemple : {example}"
    ),
    "unknown": (
        "Je n'ai pas compris « {text} ». Essayez : {example}, réunion maintenant, "
        "mes réunions ou aide"
    ),
    "bad_time": "Je n'ai pas pu lire l'heure dans « {text} ». Essayez : {example}",
    "bad_duration": (
        "Je n'ai pas pu lire la durée dans « {text} ». Essayez : pendant 45 min, "
        "pendant 1h30 ou pendant 1,5 heure"
    ),
    "duration_limits": (
        "Une réunion doit durer entre 1 minute et 24 heures, donc « {text} » ne convient pas. "
        "Essayez : pendant 45 min"
    ),
    "two_dates": (
        "J'ai trouvé deux dates, « {a} » et « {b} » ; indiquez-en une seule. "
        "Si le sujet cite un jour, mettez-le entre guillemets, par exemple : {example}"
    ),
    "two_times": (
        "J'ai trouvé deux heures, « {a} » et « {b} » ; indiquez-en une seule. "
        "Si le sujet contient une heure, mettez-le entre guillemets, par exemple : {example}"
    ),
    "two_durations": ("J'ai trouvé deux durées, « {a} » et « {b} » ; indiquez-en une seule."),
    "two_zones": ("J'ai trouvé deux fuseaux horaires, « {a} » et « {b} » ; indiquez-en un seul."),
    "need_time": "Quand doit-elle commencer ? Indiquez un jour et une heure, par exemple : "
    "{example}",
    "need_time_for": ("« {text} » n'a pas d'heure. Ajoutez-en une, par exemple : « {text} à 15h »"),
    "past": "« {text} » est déjà passé. Choisissez une heure à venir, par exemple : {example}",
    "range_and_duration": (
        "Vous avez donné une heure de fin (« {a} ») et une durée (« {b} ») ; indiquez-en une seule."
    ),
    "end_before_start": (
        "Dans « {text} », la réunion finirait avant de commencer. Essayez : de 15h à 16h30"
    ),
    "unknown_mention": (
        "Je n'ai trouvé personne pour « {text} » dans cette conversation. "
        "Mentionnez la personne à nouveau avec @ ou utilisez son adresse e-mail."
    ),
    "cancel_what": "Quelle réunion dois-je annuler ? Donnez son nom, par exemple : {example}",
    "list_range": (
        "Je peux afficher vos réunions d'aujourd'hui, de demain, de cette semaine, de la "
        "semaine prochaine ou d'un jour, mais je n'ai pas compris « {text} ». "
        "Essayez : {example}"
    ),
    "meet_now_time": (
        "« réunion maintenant » commence tout de suite, je ne peux donc pas utiliser "
        "« {text} ». Pour choisir une heure, essayez : {example}"
    ),
    "weekday_mismatch": "« {text} » ne correspond pas : cette date est un {weekday}.",
    "default_subject": "Réunion avec {names}",
    "everyone": "tout le monde",
    "and": "et",
    "example_meet_now": "réunion maintenant Point design pendant 45 min",
    "example_meeting": "réunion Revue du budget demain à 15h",
    "example_schedule": "planifier Revue du budget demain à 15h pendant 30 min",
    "example_list": "mes réunions demain",
    "example_cancel": "annuler Revue du budget",
    "example_quoted": "planifier « Planning du lundi » demain à 15h",
    "confirm_am_pm": "« {text} » peut être {a} ou {b} ; j'ai compris {value}",
    "confirm_corrected": "J'ai lu « {text} » comme « {value} »",
    "confirm_suspect": "« {text} » ressemble à « {value} », mais je l'ai laissé dans l'objet",
    "confirm_command": "J'ai lu « {text} » comme la commande « {value} »",
    "confirm_far_ahead": "{value} est dans plus d'un an",
    "confirm_zone": ("« {text} » peut désigner plusieurs fuseaux horaires ; j'ai compris {value}"),
    "confirm_weekday": ("« {text} » peut être cette semaine ou la suivante ; j'ai compris {value}"),
    "confirm_no_unit": "« {text} » n'a pas d'unité ; j'ai compris {value} minutes",
    "date": "{weekday} {day} {month}",
    "date_year": "{weekday} {day} {month} {year}",
    "repeat_until_past": "La série ne peut pas finir (« {text} ») avant sa première réunion.",
    "find_window": (
        "Je peux chercher un créneau aujourd'hui, demain, un jour donné, cette semaine ou la "
        "semaine prochaine, mais je n'ai pas compris « {text} ». Essayez : {example}"
    ),
    "example_find": "trouver un créneau avec anne@contoso.com demain pendant 30 min",
}
