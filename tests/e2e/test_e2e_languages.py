"""Every word the user sees, in their language, end to end: the activity's locale picks the
catalog, a sentence written in another language the bot speaks is answered in that language,
and a card's buttons keep answering in the card's language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.activities import USER_AAD, invoke, message
from tests.support.cardtext import action_data, buttons, card_text
from tests.support.connector import ConnectorCapture
from tests.support.servers import BotUnderTest, Emulator

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wednesday, 10:00 in Berlin

pytestmark = pytest.mark.usefixtures("graph_contract")


@pytest.fixture
def bot_clock() -> Callable[[], datetime]:
    return lambda: NOW


async def said(
    bot: BotUnderTest, capture: ConnectorCapture, text: str, url: str, locale: str
) -> dict[str, Any]:
    await bot.post(message(text, url, locale=locale))
    return capture.cards()[-1]


@pytest.mark.parametrize(
    ("locale", "text", "words", "join"),
    [
        ("pt-BR", "agendar Retro amanhã às 15h", ["Quando", "26 de nov. de 2026"], "Ingressar"),
        ("pt-PT", "agendar Retro amanhã às 15h", ["Quando", "26/11/2026"], "Aderir"),
        ("es-ES", "agendar Retro mañana a las 15h", ["Cuándo", "26 nov 2026"], "Unirse"),
        ("de-DE", "planen Retro morgen um 15 Uhr", ["Wann", "26.11.2026"], "Teilnehmen"),
        ("fr-FR", "planifier Rétro demain à 15h", ["Quand", "26 nov. 2026"], "Rejoindre"),
    ],
)
async def test_the_meeting_card_speaks_the_locales_language(
    bot: BotUnderTest,
    connector: tuple[ConnectorCapture, str],
    locale: str,
    text: str,
    words: list[str],
    join: str,
) -> None:
    capture, url = connector

    card = await said(bot, capture, text, url, locale)

    for word in words:
        assert word in card_text(card)
    assert buttons(card)[0] == join
    assert "When" not in card_text(card)


async def test_a_portuguese_sentence_from_an_english_client_is_answered_in_portuguese(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector

    card = await said(bot, capture, "agendar Retro amanhã às 15h", url, "en-US")

    assert "Quando: 26 de nov. de 2026, 15:00 – 15:30" in card_text(card)
    cancel = action_data(card, "cancel")
    assert cancel["locale"] == "pt-BR"
    asked = await bot.press(invoke(cancel, url, locale="en-US"))  # the client is still en-US
    assert "Cancelar esta reunião?" in card_text(asked)
    assert "Sim, cancelar" in buttons(asked)
    assert action_data(asked, "cancel_confirmed")["locale"] == "pt-BR"


async def test_an_english_sentence_from_a_german_client_is_answered_in_english(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector

    card = await said(bot, capture, "schedule Retro tomorrow 3pm", url, "de-DE")

    assert "When: Nov 26, 2026" in card_text(card)


async def test_a_german_request_that_needs_confirming_is_confirmed_in_german(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector

    card = await said(bot, capture, "planen Retro morgen um 5", url, "de-DE")

    text = card_text(card)
    assert "„um 5“ kann 05:00 oder 17:00 sein; ich habe 17:00 verstanden" in text
    assert "Do., 26. Nov. 2026, 17:00 – 17:30, deine Zeit (Europe/Berlin)" in text
    assert buttons(card) == ["Erstellen", "Ändern"]
    made = await bot.press(invoke(action_data(card, "confirm"), url, locale="de-DE"))
    assert "Wann: 26.11.2026, 17:00 – 17:30" in card_text(made)
    assert len(await emulator.graph_calls("/events", "POST")) == 1


async def test_help_in_french_offers_french_examples_that_work_when_pressed(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    help_card = await said(bot, capture, "aide", url, "fr-FR")
    example = next(a["data"] for a in help_card["actions"] if a["type"] == "Action.Submit")
    assert example["text"] == "réunion maintenant Point design"

    await bot.post(message("", url, value=example, locale="fr-FR"))

    meeting = capture.cards()[-1]
    assert "Point design" in card_text(meeting)
    assert "Rejoindre" in buttons(meeting)


async def test_graph_failures_are_explained_in_spanish(
    bot: BotUnderTest, emulator: Emulator, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    await emulator.inject(status=403, count=1)

    card = await said(bot, capture, "reunión ahora", url, "es-ES")

    assert "Microsoft Graph rechazó la solicitud" in card_text(card)


async def test_form_errors_are_in_the_users_language(
    bot: BotUnderTest, connector: tuple[ConnectorCapture, str]
) -> None:
    capture, url = connector
    form = await said(bot, capture, "planen", url, "de-DE")
    assert "Neue Besprechung" in card_text(form)
    bad = {"action": "form_submit", "subject": "", "date": "2026-11-20", "time": "09:00"}

    back = await bot.press(invoke(bad, url, locale="de-DE"))

    assert "Gib der Besprechung einen Betreff." in card_text(back)
    assert "Diese Zeit ist schon vorbei." in card_text(back)


@pytest.mark.parametrize(
    ("locale", "text", "title", "join"),
    [
        ("pt-BR", "reunião Retro amanhã às 15h", "Reunião do Microsoft Teams", "Ingressar na"),
        ("pt-PT", "reunião Retro amanhã às 15h", "Reunião do Microsoft Teams", "Aderir à"),
        ("es-ES", "reunión Retro mañana a las 15h", "Reunión de Microsoft Teams", "Unirse a"),
        ("de-DE", "Meeting Retro morgen um 15 Uhr", "Microsoft Teams-Besprechung", "Jetzt an"),
        ("fr-FR", "réunion Rétro demain à 15h", "Réunion Microsoft Teams", "Rejoindre la"),
    ],
)
async def test_the_calendar_copy_of_a_meeting_speaks_the_organizers_language(
    bot: BotUnderTest,
    emulator: Emulator,
    connector: tuple[ConnectorCapture, str],
    locale: str,
    text: str,
    title: str,
    join: str,
) -> None:
    capture, url = connector
    card = await said(bot, capture, text, url, locale)

    await bot.press(invoke(action_data(card, "add_to_calendar"), url, locale=locale))

    [event] = await emulator.events_of(USER_AAD)
    assert title in event["body"]["content"]
    assert join in event["body"]["content"]
    assert event["location"]["displayName"] == title
    assert "Join the meeting now" not in event["body"]["content"]
