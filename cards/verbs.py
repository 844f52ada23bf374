"""Every card button's verb: one enum shared by the card builders and the bot's handlers.

The values are what buttons on cards already posted in chats carry, so they never change;
the names say what the button does.
"""

from __future__ import annotations

from enum import StrEnum


class Verb(StrEnum):
    RUN = "run"  # a help card example: run its text as if typed
    OPEN_FORM = "open_form"  # "New meeting…": show the scheduling form
    SUBMIT_FORM = "form_submit"  # the form's "Create meeting"
    SHOW = "show"  # "Keep it": back to the meeting card
    ASK_CANCEL = "cancel"  # "Cancel": ask to confirm first
    CANCEL = "cancel_confirmed"  # "Yes, cancel it"
    RESCHEDULE = "reschedule"  # the Reschedule form's "Move meeting"
    ADD_TO_CALENDAR = "add_to_calendar"  # a standalone meeting's calendar copy
    MAKE_ONLINE = "make_online"  # "Add Teams link" on an event without one
    CREATE_STANDALONE = "create_standalone"  # "Create a Teams link instead"
    LIST_PAGE = "list_page"  # a meeting list's "More" and "Back to the first"
    BOOK_SLOT = "book_slot"  # a slot on the find-a-time card: book it
    SET_OPTIONS = "set_options"  # "Meeting options" > "Save options"
    POLL_VOTE = "poll_vote"  # a poll's "Works for me" on one slot (press again to take back)
    POLL_BOOK = "poll_book"  # the poll's creator books the winning slot
    POLL_REFRESH = "poll_refresh"  # a poll card's refresh (automatic, or the Refresh button)
    CONFIRM = "confirm"  # a confirmation card's "Create": do what an unsure request was read as
    CHANGE = "change"  # a confirmation card's "Change": the scheduling form, pre-filled
    SNOOZE = "snooze"  # a reminder's "Snooze 5 min": the same reminder again in five minutes
    ADD_STANDALONE_LINK = "add_standalone_link"  # a Teams link for an event Outlook made without
