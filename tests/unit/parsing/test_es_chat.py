"""Spanish commands and chat (issue 11): reunión ahora / agendar / mis reuniones / cancelar and
their synonyms, questions for the agenda, zones, attendees, wrappers, typos and refusals."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import FIELDS, Lang, check

S = Lang("es-ES", "Europe/Madrid", "+01:00", "Revisión")
MX = Lang("es-MX", "America/Mexico_City", "-06:00", "Revisión")
NOW, HALF = "25T10:00", "25T10:30"
EX = "agendar Revisión mañana a las 15h durante 30 min"

COMMANDS = [
    S.sure("reunion-ahora", "reunión ahora", NOW, HALF, None, kind="meet_now"),
    S.sure(
        "reunion-ahora-45",
        "reunión ahora Sincro durante 45 min",
        NOW,
        "25T10:45",
        "Sincro",
        kind="meet_now",
    ),
    S.sure("llamada-ahora", "llamada ahora", NOW, HALF, None, kind="meet_now"),
    S.sure(
        "videollamada-ahora",
        "videollamada ahora con ana@x.com",
        NOW,
        HALF,
        "Reunión con Ana",
        "ana@x.com",
        kind="meet_now",
    ),
    S.sure("reunion-rapida", "reunión rápida Sincro", NOW, HALF, "Sincro", kind="meet_now"),
    S.sure(
        "reunion-manana",
        "reunión Planificación mañana a las 16h",
        "26T16:00",
        "26T16:30",
        "Planificación",
        kind="meeting",
    ),
    S.sure("enlace", "enlace para Revisión", NOW, HALF, kind="meeting"),
    S.sure("enlace-de-teams", "enlace de teams Revisión", NOW, HALF, kind="meeting"),
    S.sure("programar", "programar Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure(
        "programa-una-reunion",
        "programa una reunión Revisión mañana a las 15h",
        "26T15:00",
        "26T15:30",
    ),
    S.sure("organiza", "organiza Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure("reserva", "reserva Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure("convoca", "convoca Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure("agendar-solo", "agendar", None, None, None),
    S.sure("agendar-una-reunion", "agendar una reunión", None, None, None),
    S.day("mis-reuniones-manana", "mis reuniones mañana", "26", "27"),
    S.sure("mis-reuniones", "mis reuniones", NOW, "12-02T10:00", None, kind="list"),
    S.day("mi-agenda-hoy", "mi agenda de hoy", "25", "26"),
    S.day("esta-semana", "mis reuniones esta semana", "23", "30"),
    S.day("la-semana-que-viene", "mis reuniones la semana que viene", "30", "12-07"),
    S.day("lista-el-viernes", "mis reuniones el viernes", "27", "28"),
    S.day("que-tengo-manana", "¿qué tengo mañana?", "26", "27"),
    S.day("que-tengo-sin-signos", "que tengo mañana", "26", "27"),
    S.day("que-hay-el-lunes", "¿qué hay el lunes?", "30", "12-01"),
    S.day("agenda-manana", "agenda mañana", "26", "27"),
    S.sure("cancelar", "cancelar Revisión", None, None, kind="cancel"),
    S.sure("cancela-la-reunion", "cancela la reunión Revisión", None, None, kind="cancel"),
    S.sure("anular", "anular Revisión", None, None, kind="cancel"),
    S.sure("elimina", "elimina Revisión", None, None, kind="cancel"),
    S.sure("ayuda", "ayuda", None, None, None, kind="help"),
    S.sure("comandos", "comandos", None, None, None, kind="help"),
]

CHAT = [
    S.unsure(
        "puedes-programar",
        "¿puedes programar una llamada con ana@x.com el lunes a las 11?",
        "30T11:00",
        "30T11:30",
        ("am_pm",),
        "Reunión con Ana",
        "ana@x.com",
    ),
    S.sure("por-favor", "por favor, agendar Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure("gracias", "agendar Revisión mañana a las 15h, gracias", "26T15:00", "26T15:30"),
    S.sure(
        "muchas-gracias", "agendar Revisión mañana a las 15h muchas gracias", "26T15:00", "26T15:30"
    ),
    S.sure("hola-bot", "hola bot, agendar Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure(
        "podemos-hacer", "podemos hacer una reunión mañana a las 15h", "26T15:00", "26T15:30", None
    ),
    S.sure("quiero-agendar", "quiero agendar Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure(
        "agenda-una-reunion-agenda",
        "agenda una reunión con ana@x.com mañana a las 15h",
        "26T15:00",
        "26T15:30",
        "Reunión con Ana",
        "ana@x.com",
    ),
]

PEOPLE = [
    S.sure(
        "dos-correos-con-y",
        "agendar Revisión con ana@x.com y bea@x.com mañana a las 15h",
        "26T15:00",
        "26T15:30",
        "Revisión",
        "ana@x.com",
        "bea@x.com",
    ),
    S.sure(
        "tres-correos",
        "agendar Revisión con ana@x.com, bea@x.com y carlos@x.com mañana a las 15h",
        "26T15:00",
        "26T15:30",
        "Revisión",
        "ana@x.com",
        "bea@x.com",
        "carlos@x.com",
    ),
    S.sure(
        "cc",
        "agendar Revisión mañana a las 15h cc ana@x.com",
        "26T15:00",
        "26T15:30",
        "Revisión",
        "ana@x.com",
    ),
    S.sure("con-todos", "agendar Revisión mañana a las 15h con todos", "26T15:00", "26T15:30"),
    S.sure(
        "sin-asunto",
        "agendar con ana@x.com mañana a las 15h",
        "26T15:00",
        "26T15:30",
        "Reunión con Ana",
        "ana@x.com",
    ),
    S.sure(
        "mencion",
        "agendar Revisión con <at>Ann Lee</at> y <at>Bob</at> mañana a las 15h",
        "26T15:00",
        "26T15:30",
        "Revisión",
        "29:ann",
        "29:bob",
    ),
    S.sure(
        "almuerzo-con-marketing",
        "agendar Almuerzo con marketing mañana a las 14h",
        "26T14:00",
        "26T14:30",
        "Almuerzo con marketing",
    ),
    S.sure(
        "plazo-de-las-17h",
        "agendar Revisión del plazo de las 17h mañana a las 10h",
        "26T10:00",
        "26T10:30",
        "Revisión del plazo de las 17h",
    ),
    S.sure(
        "asunto-entre-comillas",
        'agendar "Planificación del lunes" mañana a las 15h',
        "26T15:00",
        "26T15:30",
        "Planificación del lunes",
    ),
]

ZONES = [
    S.sure(
        "hora-de-madrid",
        "agendar Revisión mañana a las 15h hora de Madrid",
        "26T15:00",
        "26T15:30",
        zone="Europe/Madrid",
    ),
    MX.sure(
        "hora-de-madrid-desde-mexico",
        "agendar Revisión mañana a las 15h hora de Madrid",
        "26T08:00",
        "26T08:30",
        zone="Europe/Madrid",
    ),
    S.sure(
        "hora-peninsular",
        "agendar Revisión mañana a las 15h hora peninsular",
        "26T15:00",
        "26T15:30",
        zone="Europe/Madrid",
    ),
    S.sure(
        "hora-de-mexico",
        "agendar Revisión mañana a las 9h hora de Ciudad de México",
        "26T16:00",
        "26T16:30",
        zone="America/Mexico_City",
    ),
    S.sure(
        "cet", "agendar Revisión mañana a las 15h CET", "26T15:00", "26T15:30", zone="Europe/Paris"
    ),
    S.sure(
        "est",
        "agendar Revisión mañana a las 10h EST",
        "26T16:00",
        "26T16:30",
        zone="America/New_York",
    ),
    S.sure("utc", "agendar Revisión mañana a las 14h UTC", "26T15:00", "26T15:30", zone="UTC"),
    S.sure(
        "utc+2", "agendar Revisión mañana a las 16h UTC+2", "26T15:00", "26T15:30", zone="UTC+02:00"
    ),
    S.sure(
        "brt",
        "agendar Revisión mañana a las 11h BRT",
        "26T15:00",
        "26T15:30",
        zone="America/Sao_Paulo",
    ),
    S.unsure(
        "cst",
        "agendar Revisión mañana a las 8h CST",
        "26T15:00",
        "26T15:30",
        ("zone",),
        zone="America/Chicago",
    ),
    MX.sure(
        "pt-desde-mexico",
        "agendar Revisión mañana a las 10h PT",
        "26T12:00",
        "26T12:30",
        zone="America/Los_Angeles",
    ),
    S.refused(
        "dos-zonas",
        "agendar Revisión mañana a las 15h CET EST",
        "schedule",
        "Encontré dos zonas horarias",
    ),
]

TYPOS_AND_REFUSALS = [
    S.unsure(
        "agndar",
        "agndar Revisión mañana a las 15h",
        "26T15:00",
        "26T15:30",
        ("command",),
        confirm="Entendí “agndar” como el comando “agendar”",
    ),
    S.unsure("reunion-ahroa", "reunión ahroa", NOW, HALF, ("command",), None, kind="meet_now"),
    S.unsure("cancelra", "cancelra Revisión", None, None, ("command",), kind="cancel"),
    S.refused("no-entendi", "hola a todos", "unknown", "No entendí “hola a todos”"),
    S.refused("cancelar-que", "cancelar", "cancel", "¿Qué reunión cancelo?"),
    S.refused(
        "ahora-con-hora",
        "reunión ahora mañana a las 15h",
        "meet_now",
        "“reunión ahora” empieza enseguida, así que no puedo usar “mañana a las 15h”",
    ),
    S.refused(
        "mencion-desconocida",
        "agendar Revisión con <at>Zed</at> mañana a las 15h",
        "schedule",
        "No encontré a “Zed”",
    ),
    S.refused("lista-rara", "mis reuniones bla", "list", "no entendí “bla”"),
    S.refused(
        "dos-fechas", "agendar Revisión lunes mañana a las 15h", "schedule", "Encontré dos fechas"
    ),
    S.refused(
        "dos-horas", "agendar Revisión a las 15h mañana a las 17h", "schedule", "Encontré dos horas"
    ),
    S.refused(
        "duracion-sin-unidad",
        "agendar Revisión mañana a las 15h durante 5",
        "schedule",
        "No pude leer la duración en “durante 5”",
    ),
    S.refused(
        "error-en-ingles-respondido-en-ingles",
        "schedule X yesterday 3pm",
        "schedule",
        "“yesterday 3pm” is in the past. Pick a time from now on, "
        "e.g. schedule Budget review tomorrow 3pm for 30m",
    ),
]

ROWS = [*COMMANDS, *CHAT, *PEOPLE, *ZONES, *TYPOS_AND_REFUSALS]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_spanish_chat(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
