"""Spanish messages of the command parser: refusals, confirmations and examples."""

from __future__ import annotations

MESSAGES = {
    "too_long": (
        "Ese mensaje es demasiado largo para mí ({n} caracteres; leo hasta {limit}). "
        "Envía un comando corto, por ejemplo: {example}"
    ),
    "unknown": ("No entendí “{text}”. Prueba: {example}, reunión ahora, mis reuniones o ayuda"),
    "bad_time": "No pude leer la hora en “{text}”. Prueba: {example}",
    "bad_duration": (
        "No pude leer la duración en “{text}”. Prueba: durante 45 min, durante 1h30 "
        "o durante 1,5 horas"
    ),
    "duration_limits": (
        "Una reunión debe durar entre 1 minuto y 24 horas, así que “{text}” no sirve. "
        "Prueba: durante 45 min"
    ),
    "two_dates": (
        "Encontré dos fechas, “{a}” y “{b}”; indica solo una. "
        "Si el asunto menciona un día, ponlo entre comillas, por ejemplo: {example}"
    ),
    "two_times": (
        "Encontré dos horas, “{a}” y “{b}”; indica solo una. "
        "Si el asunto contiene una hora, ponlo entre comillas, por ejemplo: {example}"
    ),
    "two_durations": "Encontré dos duraciones, “{a}” y “{b}”; indica solo una.",
    "two_zones": "Encontré dos zonas horarias, “{a}” y “{b}”; indica solo una.",
    "need_time": "¿Cuándo debe empezar? Indica día y hora, por ejemplo: {example}",
    "need_time_for": "“{text}” no tiene hora. Añade una, por ejemplo: “{text} a las 15h”",
    "past": "“{text}” ya pasó. Elige una hora a partir de ahora, por ejemplo: {example}",
    "range_and_duration": (
        "Indicaste una hora de fin (“{a}”) y una duración (“{b}”); indica solo una de las dos."
    ),
    "end_before_start": (
        "En “{text}” la reunión terminaría antes de empezar. Prueba: de 15h a 16h30"
    ),
    "unknown_mention": (
        "No encontré a “{text}” en este chat. "
        "Vuelve a mencionarlo con @ o usa su correo electrónico."
    ),
    "cancel_what": "¿Qué reunión cancelo? Dime el nombre, por ejemplo: {example}",
    "list_range": (
        "Puedo mostrar tus reuniones de hoy, mañana, esta semana, la semana que viene "
        "o un día, pero no entendí “{text}”. Prueba: {example}"
    ),
    "meet_now_time": (
        "“reunión ahora” empieza enseguida, así que no puedo usar “{text}”. "
        "Para elegir una hora, prueba: {example}"
    ),
    "weekday_mismatch": "“{text}” no cuadra: esa fecha es {weekday}.",
    "default_subject": "Reunión con {names}",
    "everyone": "todos",
    "and": "y",
    "example_meet_now": "reunión ahora Sincronización durante 45 min",
    "example_meeting": "reunión Revisión del presupuesto mañana a las 15h",
    "example_schedule": "agendar Revisión mañana a las 15h durante 30 min",
    "example_list": "mis reuniones mañana",
    "example_cancel": "cancelar Revisión del presupuesto",
    "example_quoted": "agendar “Planificación del lunes” mañana a las 15h",
    "confirm_am_pm": "“{text}” puede ser {a} o {b}; entendí {value}",
    "confirm_corrected": "Entendí “{text}” como “{value}”",
    "confirm_suspect": "“{text}” se parece a “{value}”, pero lo dejé en el asunto",
    "confirm_command": "Entendí “{text}” como el comando “{value}”",
    "confirm_far_ahead": "{value} es dentro de más de un año",
    "confirm_zone": "“{text}” puede ser más de una zona horaria; entendí {value}",
    "confirm_weekday": "“{text}” puede ser esta semana o la próxima; entendí {value}",
    "confirm_no_unit": "“{text}” no tiene unidad; entendí {value} minutos",
    "date": "{weekday}, {day} de {month}",
    "date_year": "{weekday}, {day} de {month} de {year}",
    "repeat_until_past": "La serie no puede terminar (“{text}”) antes de la primera reunión.",
    "find_window": (
        "Puedo buscar un hueco hoy, mañana, un día, esta semana o la semana que viene, "
        "pero no entendí “{text}”. Prueba: {example}"
    ),
    "example_find": "buscar un hueco con ana@contoso.com mañana durante 30 min",
}
