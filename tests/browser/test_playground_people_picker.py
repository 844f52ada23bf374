"""Issue 12 in the Agents Playground: the scheduling form in the personal chat, two colleagues
picked in its people picker as a person does it (a few letters, then the suggestion), one
event inviting both.

What the playground does with the form's attendees field (Input.ChoiceSet with `choices.data`
{Data.Query, dataset graph.microsoft.com/users}), read in its web client
node_modules/@microsoft/m365agentsplayground/dist/client/static/js/main.5ec6852d.js (0.2.28, one
minified line; byte offsets): it renders no Data.Query typeahead for that dataset (it sends no
`application/search` invoke) but its own Fluent UI NormalPeoplePicker (`gle.MembersInOrg =
"graph.microsoft.com/users"` at 4653041, `renderAsPeoplePicker` at 4655646). The suggestions
are every user of its config plus the current user, filtered by the start of a first or last
name; the value submitted is the picked users' config `id`s (`Object.values(t).find(...)` at
4653748 over the `RM` selector at 3566759, from the `userList` store keyed by `users[].id` at
4743389) joined by the host config's `choiceSetInputValueSeparator` ",". Teams submits the
users' Entra object ids joined by commas; the mock tenant (bot/dev/playground.py) gives each
user `id` = object id, so the picker here sends what Teams sends, and the bot resolves each
through Graph's user directory (GET /users/{id}) — the chat roster cannot: the personal chat's
only member is its user (the playground's connector answers 404 for anyone else, as Teams).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from playwright.async_api import Locator, expect

from bot.dev.playground import CURRENT_USER, USERS
from tests.browser.conftest import PLAYGROUND_TZ
from tests.browser.playground_ui import PlaygroundUI
from tests.browser.prereqs import screenshot_dir
from tests.support.servers import Emulator

DOCS = screenshot_dir()
ZONE = ZoneInfo(PLAYGROUND_TZ)
MEGAN, ADELE = USERS[0], USERS[1]
SUBJECT = "Budget review"


async def directory(emulator: Emulator) -> None:
    """The playground's people in the emulator's directory, as a real tenant has them."""
    for user in (CURRENT_USER, *USERS):
        await emulator.put(f"/_emulator/users/{user.aad_object_id}", user.as_directory_user())


async def pick_person(ui: PlaygroundUI, form: Locator, letters: str, name: str) -> None:
    await form.get_by_label("People Picker").click()
    await ui.page.keyboard.type(letters)
    await ui.page.get_by_role("option", name=name).click()


async def pick_date(ui: PlaygroundUI, form: Locator, day: date) -> None:
    """The date field's calendar: the next month if need be, then the day."""
    await form.get_by_label("Date").click()
    calendar = ui.page.get_by_role("dialog")
    if day.month != datetime.now(ZONE).month:
        await calendar.get_by_title(f"Next month {day:%B}").click()
    await calendar.get_by_role(
        "button", name=f"{day.day}, {day:%B}, {day.year}", exact=True
    ).click()


async def test_two_people_picked_in_the_personal_chat_get_one_event(
    playground_ui: PlaygroundUI, emulator: Emulator
) -> None:
    ui = playground_ui
    await directory(emulator)
    await ui.open_chat("Personal Chat")
    await ui.send("schedule")
    form = await ui.pin(ui.bot_cards("Create meeting").last, "form")
    await expect(ui.button(form, "Create meeting")).to_be_visible()

    await form.get_by_label("Subject").fill(SUBJECT)
    day = datetime.now(ZONE).date() + timedelta(days=7)
    await pick_date(ui, form, day)
    await form.get_by_label("Start time").click()
    await ui.page.get_by_role("option", name="10:00 AM", exact=True).click()
    await pick_person(ui, form, "Meg", MEGAN.name)
    await pick_person(ui, form, "Ade", ADELE.name)
    await expect(form.get_by_role("checkbox", name="Send calendar invitations")).to_be_checked()
    await ui.chat_pane().screenshot(path=DOCS / "playground-people-picker.png")
    invoke = await ui.execute(form, "Create meeting")

    data = invoke.request["value"]["action"]["data"]
    assert data["attendees"] == f"{MEGAN.aad_object_id},{ADELE.aad_object_id}", data
    await expect(form).to_contain_text(f"{MEGAN.name}, {ADELE.name}")
    await expect(ui.button(form, "Join")).to_be_visible()
    [event] = await emulator.events_of(CURRENT_USER.aad_object_id)
    assert event["subject"] == SUBJECT
    assert event["isOnlineMeeting"] is True
    invited = [a["emailAddress"] for a in event["attendees"]]
    assert [(a["name"], a["address"]) for a in invited] == [
        (MEGAN.name, MEGAN.email),
        (ADELE.name, ADELE.email),
    ]
    assert local_start(event) == datetime.combine(day, time(10, 0))
    looked_up = {c["path"] for c in await emulator.graph_calls("/users/", "GET")}
    assert {f"/v1.0/users/{u.aad_object_id}" for u in (MEGAN, ADELE)} <= looked_up
    await ui.chat_pane().screenshot(path=DOCS / "playground-people-picked.png")


def local_start(event: dict[str, Any]) -> datetime:
    """An event's start as wall-clock time in the playground's zone."""
    start = datetime.fromisoformat(event["start"]["dateTime"][:19]).replace(
        tzinfo=ZoneInfo(event["start"]["timeZone"])
    )
    return start.astimezone(ZONE).replace(tzinfo=None)
