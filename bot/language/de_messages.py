"""German messages of the command parser: refusals, confirmations and examples."""

from __future__ import annotations

MESSAGES = {
    "too_long": (
        "Diese Nachricht ist mir zu lang ({n} Zeichen; ich lese bis zu {limit}). "
        "Schick einen kurzen Befehl, z. B. {example}"
    ),
    "unknown": (
        "Ich habe „{text}“ nicht verstanden. Versuch: {example}, Meeting jetzt, "
        "meine Termine oder Hilfe"
    ),
    "bad_time": "Ich konnte die Uhrzeit in „{text}“ nicht lesen. Versuch: {example}",
    "bad_duration": (
        "Ich konnte die Dauer in „{text}“ nicht lesen. Versuch: für 45 Min, für 1h30 "
        "oder für 1,5 Stunden"
    ),
    "duration_limits": (
        "Ein Meeting muss zwischen 1 Minute und 24 Stunden dauern, „{text}“ geht also nicht. "
        "Versuch: für 45 Min"
    ),
    "two_dates": (
        "Ich habe zwei Daten gefunden, „{a}“ und „{b}“; bitte gib nur eins an. "
        "Nennt der Betreff einen Tag, setz ihn in Anführungszeichen, z. B. {example}"
    ),
    "two_times": (
        "Ich habe zwei Uhrzeiten gefunden, „{a}“ und „{b}“; bitte gib nur eine an. "
        "Enthält der Betreff eine Uhrzeit, setz ihn in Anführungszeichen, z. B. {example}"
    ),
    "two_durations": "Ich habe zwei Dauern gefunden, „{a}“ und „{b}“; bitte gib nur eine an.",
    "two_zones": "Ich habe zwei Zeitzonen gefunden, „{a}“ und „{b}“; bitte gib nur eine an.",
    "need_time": "Wann soll es losgehen? Gib Tag und Uhrzeit an, z. B. {example}",
    "need_time_for": "„{text}“ hat keine Uhrzeit. Ergänze eine, z. B. „{text} um 15 Uhr“",
    "past": "„{text}“ liegt in der Vergangenheit. Wähle eine spätere Zeit, z. B. {example}",
    "range_and_duration": (
        "Du hast eine Endzeit („{a}“) und eine Dauer („{b}“) angegeben; bitte nur eins davon."
    ),
    "end_before_start": (
        "Bei „{text}“ würde das Meeting enden, bevor es beginnt. Versuch: von 15 bis 16:30 Uhr"
    ),
    "unknown_mention": (
        "Ich konnte „{text}“ in diesem Chat niemandem zuordnen. "
        "Erwähne die Person noch einmal mit @ oder nutze ihre E-Mail-Adresse."
    ),
    "cancel_what": "Welches Meeting soll ich absagen? Nenne es, z. B. {example}",
    "list_range": (
        "Ich kann deine Termine für heute, morgen, diese Woche, nächste Woche oder einen Tag "
        "zeigen, aber „{text}“ habe ich nicht verstanden. Versuch: {example}"
    ),
    "meet_now_time": (
        "„Meeting jetzt“ beginnt sofort, daher kann ich „{text}“ nicht verwenden. "
        "Für eine bestimmte Zeit versuch: {example}"
    ),
    "weekday_mismatch": "„{text}“ passt nicht: Dieses Datum ist ein {weekday}.",
    "default_subject": "Meeting mit {names}",
    "everyone": "allen",
    "and": "und",
    "example_meet_now": "Meeting jetzt Design-Abstimmung für 45 Min",
    "example_meeting": "Meeting Budget-Review morgen um 15 Uhr",
    "example_schedule": "planen Budget-Review morgen um 15 Uhr für 30 Min",
    "example_list": "meine Termine morgen",
    "example_cancel": "absagen Budget-Review",
    "example_quoted": "planen „Montagsplanung“ morgen um 15 Uhr",
    "confirm_am_pm": "„{text}“ kann {a} oder {b} sein; ich habe {value} verstanden",
    "confirm_corrected": "Ich habe „{text}“ als „{value}“ gelesen",
    "confirm_suspect": "„{text}“ sieht aus wie „{value}“, steht aber im Betreff",
    "confirm_command": "Ich habe „{text}“ als Befehl „{value}“ gelesen",
    "confirm_far_ahead": "{value} ist mehr als ein Jahr entfernt",
    "confirm_zone": "„{text}“ kann mehrere Zeitzonen bedeuten; ich habe {value} verstanden",
    "confirm_weekday": ("„{text}“ kann diese oder nächste Woche sein; ich habe {value} verstanden"),
    "confirm_no_unit": "„{text}“ hat keine Einheit; ich habe {value} Minuten verstanden",
    "date": "{weekday}, {day}. {month}",
    "date_year": "{weekday}, {day}. {month} {year}",
    "repeat_until_past": "Die Serie kann nicht enden („{text}“), bevor ihr erster Termin ist.",
    "find_window": (
        "Ich kann heute, morgen, an einem Tag, diese Woche oder nächste Woche einen Termin "
        "suchen, aber „{text}“ habe ich nicht verstanden. Versuch: {example}"
    ),
    "example_find": "Termin finden mit anna@contoso.com morgen für 30 Min",
}
