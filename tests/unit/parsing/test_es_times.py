"""Spanish times (issue 11): days, hours, shorthand and typos, durations, ranges, weekdays and
dates; each row sure, unsure (with its doubts) or refused."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsing.table import DEC31, FIELDS, FRI, NOV30, Lang, check

S = Lang("es-ES", "Europe/Madrid", "+01:00", "Revisión")
AMPM = ("am_pm",)
FIXED = ("corrected",)
WEEK = ("weekday",)

DAYS_AND_HOURS = [
    S.sure("manana-15h", "agendar Revisión mañana a las 15h", "26T15:00", "26T15:30"),
    S.sure("manana-sin-tilde", "agendar Revisión manana a las 15h", "26T15:00", "26T15:30"),
    S.sure("manana-15:30", "agendar Revisión mañana a las 15:30", "26T15:30", "26T16:00"),
    S.sure("hoy-16h", "agendar Revisión hoy a las 16h", "25T16:00", "25T16:30"),
    S.sure("pasado-manana", "agendar Revisión pasado mañana a las 10h", "27T10:00", "27T10:30"),
    S.sure("por-la-manana", "agendar Revisión mañana por la mañana", "26T09:00", "26T09:30"),
    S.sure("por-la-tarde", "agendar Revisión mañana por la tarde", "26T14:00", "26T14:30"),
    S.sure("esta-tarde", "agendar Revisión esta tarde", "25T14:00", "25T14:30"),
    S.sure("esta-noche", "agendar Revisión esta noche", "25T18:00", "25T18:30"),
    S.sure(
        "9-de-la-manana", "agendar Revisión mañana a las 9 de la mañana", "26T09:00", "26T09:30"
    ),
    S.sure("5-de-la-tarde", "agendar Revisión mañana a las 5 de la tarde", "26T17:00", "26T17:30"),
    S.sure("8-de-la-noche", "agendar Revisión mañana a las 8 de la noche", "26T20:00", "26T20:30"),
    S.sure("mediodia", "agendar Revisión mañana a mediodía", "26T12:00", "26T12:30"),
    S.sure("medianoche", "agendar Revisión mañana a medianoche", "26T00:00", "26T00:30"),
    S.sure("fin-del-dia", "agendar Revisión mañana al final del día", "26T17:00", "26T17:30"),
    S.sure("5-pm", "agendar Revisión mañana a las 5 pm", "26T17:00", "26T17:30"),
    S.sure("1700", "agendar Revisión mañana a las 1700", "26T17:00", "26T17:30"),
    S.unsure("a-las-5", "agendar Revisión a las 5", "25T17:00", "25T17:30", AMPM),
    S.unsure(
        "a-las-10",
        "agendar Revisión mañana a las 10",
        "26T10:00",
        "26T10:30",
        AMPM,
        confirm="“a las 10” puede ser 10:00 o 22:00; entendí 10:00",
    ),
    S.unsure("a-las-5-el-30", "agendar Revisión a las 5", "30T17:00", "30T17:30", AMPM, now=NOV30),
    S.unsure(
        "cinco-y-media", "agendar Revisión mañana a las cinco y media", "26T17:30", "26T18:00", AMPM
    ),
    S.unsure(
        "once-y-cuarto", "agendar Revisión mañana a las once y cuarto", "26T11:15", "26T11:45", AMPM
    ),
    S.unsure(
        "cinco-menos-cuarto",
        "agendar Revisión mañana a las cinco menos cuarto",
        "26T16:45",
        "26T17:15",
        AMPM,
    ),
    S.unsure("a-las-3:30", "agendar Revisión mañana a las 3:30", "26T15:30", "26T16:00", AMPM),
    S.sure("ahora", "reunión Revisión ahora", "25T10:00", "25T10:30", kind="meeting"),
    S.sure("cuanto-antes", "reunión Revisión cuanto antes", "25T10:00", "25T10:30", kind="meeting"),
    S.sure("en-2-horas", "agendar Revisión en 2 horas", "25T12:00", "25T12:30"),
    S.sure("dentro-de-30-minutos", "agendar Revisión dentro de 30 minutos", "25T10:30", "25T11:00"),
    S.sure("en-2-dias", "agendar Revisión en 2 días a las 10h", "27T10:00", "27T10:30"),
    S.unsure(
        "mañaan",
        "agendar Revisión mañaan a las 15h",
        "26T15:00",
        "26T15:30",
        FIXED,
        confirm="Entendí “mañaan” como “mañana”",
    ),
    S.unsure("vienres", "agendar Revisión vienres a las 15h", "27T15:00", "27T15:30", FIXED),
    S.unsure("mñn", "agendar Revisión mñn a las 15h", "26T15:00", "26T15:30", FIXED),
    S.unsure(
        "mirecoles",
        "agendar Revisión miércles a las 15h",
        "25T15:00",
        "25T15:30",
        ("corrected", "weekday"),
    ),
]

DURATIONS = [
    S.sure(
        "durante-45-min", "agendar Revisión mañana a las 15h durante 45 min", "26T15:00", "26T15:45"
    ),
    S.sure("por-1-hora", "agendar Revisión mañana a las 15h por 1 hora", "26T15:00", "26T16:00"),
    S.sure(
        "hora-y-media",
        "agendar Revisión mañana a las 15h durante una hora y media",
        "26T15:00",
        "26T16:30",
    ),
    S.sure("media-hora", "agendar Revisión mañana a las 15h media hora", "26T15:00", "26T15:30"),
    S.sure("1,5-h", "agendar Revisión mañana a las 15h durante 1,5 h", "26T15:00", "26T16:30"),
    S.sure("2h15", "agendar Revisión mañana a las 15h durante 2h15", "26T15:00", "26T17:15"),
    S.sure(
        "45-minutos-sin-durante",
        "agendar Revisión mañana a las 15h 45 minutos",
        "26T15:00",
        "26T15:45",
    ),
    S.sure(
        "cuarto-de-hora",
        "agendar Revisión mañana a las 15h un cuarto de hora",
        "26T15:00",
        "26T15:15",
    ),
    S.unsure(
        "durante-45",
        "agendar Revisión mañana a las 15h durante 45",
        "26T15:00",
        "26T15:45",
        ("no_unit",),
    ),
    S.refused(
        "cero-minutos",
        "agendar Revisión mañana a las 15h durante 0 minutos",
        "schedule",
        "debe durar entre 1 minuto y 24 horas",
    ),
    S.refused(
        "minutos-negativos",
        "agendar Revisión mañana a las 15h durante -30 minutos",
        "schedule",
        "debe durar entre 1 minuto y 24 horas",
    ),
    S.refused(
        "dos-duraciones",
        "agendar Revisión mañana a las 15h durante 30 min durante 1 hora",
        "schedule",
        "Encontré dos duraciones",
    ),
]

RANGES = [
    S.sure("de-15h-a-17h", "agendar Revisión mañana de 15h a 17h", "26T15:00", "26T17:00"),
    S.sure("de-15:00-a-16:30", "agendar Revisión mañana de 15:00 a 16:30", "26T15:00", "26T16:30"),
    S.sure(
        "entre-las-14h-y-las-15h",
        "agendar Revisión mañana entre las 14h y las 15h",
        "26T14:00",
        "26T15:00",
    ),
    S.sure(
        "desde-las-10-hasta-mediodia",
        "agendar Revisión mañana desde las 10 hasta mediodía",
        "26T10:00",
        "26T12:00",
    ),
    S.sure("22:00-a-01:00", "agendar Revisión mañana de 22:00 a 01:00", "26T22:00", "27T01:00"),
    S.sure("15h-17h-guion", "agendar Revisión mañana 15h-17h", "26T15:00", "26T17:00"),
    S.unsure("de-10-a-11", "agendar Revisión mañana de 10 a 11", "26T10:00", "26T11:00", AMPM),
    S.refused(
        "termina-antes",
        "agendar Revisión mañana de 17h a 15h",
        "schedule",
        "terminaría antes de empezar",
    ),
    S.refused(
        "rango-y-duracion",
        "agendar Revisión mañana de 15h a 16h durante 30 min",
        "schedule",
        "indica solo una de las dos",
    ),
]

WEEKDAYS = [
    S.sure("el-viernes", "agendar Revisión el viernes a las 10h", "27T10:00", "27T10:30"),
    S.sure("lunes", "agendar Revisión lunes a las 10h", "30T10:00", "30T10:30"),
    S.sure(
        "el-proximo-martes",
        "agendar Revisión el próximo martes a las 10h",
        "12-01T10:00",
        "12-01T10:30",
    ),
    S.unsure(
        "el-proximo-jueves",
        "agendar Revisión el próximo jueves a las 10h",
        "26T10:00",
        "26T10:30",
        WEEK,
    ),
    S.unsure(
        "el-viernes-que-viene",
        "agendar Revisión el viernes que viene a las 10h",
        "27T10:00",
        "27T10:30",
        WEEK,
    ),
    S.sure(
        "martes-de-la-semana-que-viene",
        "agendar Revisión el martes de la semana que viene a las 10h",
        "12-01T10:00",
        "12-01T10:30",
    ),
    S.unsure(
        "viernes-dicho-un-viernes",
        "agendar Revisión el viernes a las 15h",
        "27T15:00",
        "27T15:30",
        WEEK,
        now=FRI,
        confirm="“el viernes” puede ser esta semana o la próxima; entendí viernes, 27 de noviembre",
    ),
    S.sure("este-miercoles", "agendar Revisión este miércoles a las 15h", "25T15:00", "25T15:30"),
    S.refused(
        "el-viernes-pasado", "agendar Revisión el viernes pasado a las 10h", "schedule", "ya pasó"
    ),
    S.refused("ayer", "agendar Revisión ayer a las 15h", "schedule", "“ayer a las 15h” ya pasó"),
    S.refused(
        "hoy-a-las-9-ya-paso", "agendar Revisión hoy a las 9h", "schedule", "“hoy a las 9h” ya pasó"
    ),
]

DATES = [
    S.sure(
        "5-de-enero",
        "agendar Revisión el 5 de enero a las 10h",
        "2027-01-05T10:00",
        "2027-01-05T10:30",
    ),
    S.sure(
        "1o-de-diciembre",
        "agendar Revisión el 1º de diciembre a las 10h",
        "12-01T10:00",
        "12-01T10:30",
    ),
    S.sure("3-dic", "agendar Revisión 3 dic a las 10h", "12-03T10:00", "12-03T10:30"),
    S.sure(
        "dia-primero-mayo",
        "agendar Revisión 4/5 a las 10h",
        "2027-05-04T10:00:00+02:00",
        "2027-05-04T10:30:00+02:00",
    ),
    S.sure("iso", "agendar Revisión 2027-01-05 a las 10h", "2027-01-05T10:00", "2027-01-05T10:30"),
    S.sure("el-3", "agendar Revisión el 3 a las 10h", "12-03T10:00", "12-03T10:30"),
    S.sure(
        "dia-2-fin-de-ano",
        "agendar Revisión el día 2 a las 10h",
        "2027-01-02T10:00",
        "2027-01-02T10:30",
        now=DEC31,
    ),
    S.refused(
        "31-de-abril", "agendar Revisión el 31 de abril a las 10h", "schedule", "“el 31 de abril”"
    ),
    S.refused("25h", "agendar Revisión mañana a las 25h", "schedule", "No pude leer la hora"),
    S.unsure(
        "mas-de-un-ano",
        "agendar Revisión el 5 de enero de 2028 a las 10h",
        "2028-01-05T10:00",
        "2028-01-05T10:30",
        ("far_ahead",),
        confirm="miércoles, 5 de enero de 2028 es dentro de más de un año",
    ),
    S.refused("fecha-sin-hora", "agendar Revisión mañana", "schedule", "“mañana” no tiene hora"),
    S.refused("sin-hora", "agendar Revisión", "schedule", "¿Cuándo debe empezar?"),
]

MORE = [
    S.sure("para-el-lunes", "agendar Revisión para el lunes a las 10h", "30T10:00", "30T10:30"),
    S.sure(
        "con-ano",
        "agendar Revisión el 3 de diciembre de 2026 a las 10h",
        "12-03T10:00",
        "12-03T10:30",
    ),
    S.refused("anoche", "agendar Revisión anoche a las 22h", "schedule", "ya pasó"),
    S.sure(
        "dentro-de-una-hora",
        "reunión Revisión dentro de una hora",
        "25T11:00",
        "25T11:30",
        kind="meeting",
    ),
    S.unsure("a-la-una", "agendar Revisión mañana a la una", "26T13:00", "26T13:30", AMPM),
    S.sure(
        "7-de-la-manana", "agendar Revisión mañana a las 7 de la mañana", "26T07:00", "26T07:30"
    ),
]

ROWS = [*MORE, *DAYS_AND_HOURS, *DURATIONS, *RANGES, *WEEKDAYS, *DATES]


@pytest.mark.parametrize(FIELDS, ROWS)
def test_spanish_times(text: str, now: str, tz: str, locale: str, expected: dict[str, Any]) -> None:
    check(text, now, tz, locale, expected)
