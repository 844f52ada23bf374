"""`meeting-bot doctor --test-user`: can the bot work for this person?

Three checks, each through the bot's own GraphClient, so a PASS means the bot would succeed:
- directory: the user as GET /users/{id} reads them (User.ReadBasic.All; a guest cannot
  organize meetings);
- mailbox: GET /users/{id}/calendar (scheduling needs an Exchange Online mailbox; Graph says
  404 MailboxNotEnabledForRESTAPI when there is none);
- probe: createOrGet of a probe meeting (either wording of a missing Teams application access
  policy; Graph's wordless 403 for a guest, a user without a Teams licence or a missing
  OnlineMeetings.ReadWrite.All).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.doctor.checks import CONSENT_PATH, Check, failed, passed
from bot.graph.auth import StaticTokenProvider
from bot.graph.client import GraphClient
from bot.graph.directory import GUEST, DirectoryUser
from bot.graph.errors import GraphAuthError, GraphError, GraphForbidden, GraphNotFound
from bot.identity.permissions import POLICY_DELAY, access_policy_fix

PROBE_EXTERNAL_ID = "meetingbot-doctor-probe"
MEETINGS_PERMISSION = "OnlineMeetings.ReadWrite.All"
DIRECTORY_PERMISSION = "User.ReadBasic.All"


@dataclass(frozen=True)
class ProbeUser:
    """Who doctor probes for, and what it already knows of the app and the user."""

    id: str
    where: str  # e.g. "on the in-process Graph emulator"
    roles: frozenset[str] | None  # the app token's roles; None when unknown (local mode)


async def user_checks(
    settings: Settings, base_url: str, token: str, user: ProbeUser
) -> list[Check]:
    graph = GraphClient(base_url, StaticTokenProvider(token), timeout=15, max_retries=1)
    try:
        directory, found = await directory_check(graph, settings, user)
        mailbox = await mailbox_check(graph, settings, user)
        probe = await probe_check(graph, settings, user, found)
    finally:
        await graph.aclose()
    return [directory, mailbox, probe]


def _grant(settings: Settings, permission: str) -> str:
    return (
        f"add the Microsoft Graph application permission {permission} in "
        f"{CONSENT_PATH.format(app=settings.app_id)} and grant admin consent"
    )


async def directory_check(
    graph: GraphClient, settings: Settings, user: ProbeUser
) -> tuple[Check, DirectoryUser | None]:
    try:
        found = await graph.get_user(user.id)
    except GraphForbidden as exc:
        detail = f"Graph 403 {exc.code}: the app may not read the directory ({exc.message})"
        why = "; the bot reads people's names and addresses with it"
        return failed("directory", detail, _grant(settings, DIRECTORY_PERMISSION) + why), None
    except GraphNotFound:
        return failed(
            "directory", f"the directory has no user {user.id}", "pass the user's object id"
        ), None
    except GraphError as exc:
        return failed("directory", str(exc), "check that Graph is reachable and healthy"), None
    who = f"{found.display_name} <{found.address}>" if found.address else found.display_name
    if found.user_type == GUEST:
        return failed(
            "directory",
            f"user {user.id} ({who}) is a guest: guests cannot organize Teams meetings and "
            "have no mailbox in this tenant",
            "run doctor with a member's object id; guests can only join meetings others organize",
        ), found
    return passed("directory", f"user {user.id} is {who} ({found.user_type or 'Member'})"), found


async def mailbox_check(graph: GraphClient, settings: Settings, user: ProbeUser) -> Check:
    try:
        await graph.get_calendar(f"users/{user.id}")
    except GraphNotFound as exc:
        if exc.no_mailbox:
            return failed(
                "mailbox",
                f"user {user.id} has no Exchange Online mailbox (Graph 404 {exc.code}: "
                f"{exc.message})",
                "assign the user an Exchange Online licence (or move the mailbox to Exchange "
                "Online): without one, schedule, my meetings and cancel fail for them; meet now "
                "still works",
            )
        return failed(
            "mailbox",
            f"Outlook does not know user {user.id}: {exc.message}",
            "pass the object id of a user in this tenant",
        )
    except GraphForbidden as exc:
        return failed(
            "mailbox",
            f"Graph 403 {exc.code} reading the calendar of {user.id}",
            _grant(settings, "Calendars.ReadWrite")
            + ", and check that no Exchange application access policy "
            "(New-ApplicationAccessPolicy) leaves this mailbox out",
        )
    except GraphError as exc:
        return failed("mailbox", str(exc), "check that Graph is reachable and healthy")
    return passed("mailbox", f"user {user.id} has an Exchange Online mailbox {user.where}".strip())


async def probe_check(
    graph: GraphClient, settings: Settings, user: ProbeUser, found: DirectoryUser | None
) -> Check:
    """createOrGet a probe meeting for the user, telling apart an access policy, a guest, a
    Teams licence and a permission."""
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
    body = {
        "externalId": PROBE_EXTERNAL_ID,
        "subject": "Meeting bot doctor probe",
        "startDateTime": start.isoformat().replace("+00:00", "Z"),
        "endDateTime": (start + timedelta(minutes=15)).isoformat().replace("+00:00", "Z"),
    }
    try:
        _, created = await graph.create_or_get_online_meeting(f"users/{user.id}", body)
    except GraphForbidden as exc:
        return _probe_forbidden(exc, settings, user, found)
    except GraphAuthError as exc:
        return failed(
            "probe",
            f"Graph 401: {exc.message}",
            "the token is not one Graph accepts: check AUTHORITY_HOST and MicrosoftAppTenantId",
        )
    except GraphNotFound:
        return failed("probe", f"Graph has no user {user.id}", "pass the user's Entra object id")
    except GraphError as exc:
        return failed("probe", str(exc), "check that Graph is reachable and healthy")
    verb = "created" if created else "found"
    return passed("probe", f"{verb} the probe meeting for user {user.id} {user.where}".strip())


def _probe_forbidden(
    exc: GraphForbidden, settings: Settings, user: ProbeUser, found: DirectoryUser | None
) -> Check:
    app = settings.app_id
    if exc.access_policy_missing:
        return failed(
            "probe",
            f"Graph 403 {exc.code} ({exc.message}): no Teams application access policy for "
            f"app {app} and user {user.id}",
            f"{access_policy_fix(app, user.id)}; a new or changed policy can take "
            f"{POLICY_DELAY} to apply, then run doctor again",
        )
    guest = exc.user_type == GUEST or (found is not None and found.is_guest)
    if guest:
        return failed(
            "probe",
            f"Graph 403 {exc.code or 'Forbidden'}: user {user.id} is a guest, and guests "
            "cannot organize Teams meetings",
            "probe with a member's object id",
        )
    if exc.wordless and user.roles is not None and MEETINGS_PERMISSION in user.roles:
        return failed(
            "probe",
            f"Graph 403 {exc.code or 'Forbidden'} without a message although the app has "
            f"{MEETINGS_PERMISSION}: user {user.id} has no Teams licence that includes meetings",
            "assign the user a Teams licence (Microsoft 365 admin center > Users > Licenses "
            "and apps) and wait for it to apply",
        )
    licence = " (or, if the permission is granted, the user has no Teams licence)"
    return failed(
        "probe",
        f"Graph 403 {exc.code or 'Forbidden'}: the app may not create online meetings"
        + (licence if user.roles is None else ""),
        f"grant the application permission {MEETINGS_PERMISSION} with admin consent "
        f"({CONSENT_PATH.format(app=app)})",
    )
