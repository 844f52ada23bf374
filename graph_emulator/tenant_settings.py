"""Per-tenant switches for behaviours real tenants differ in, set through the control API.

Every switch defaults to the emulator's historical behaviour, so a tenant nobody configured
answers exactly as before. Each one names the Microsoft source of the behaviour it turns on:

- `directory`: "open" (default: every user id exists, with a mailbox and a Teams licence) or
  "closed" (only users seeded with PUT /_emulator/users/{id} exist; Outlook calls for anyone
  else answer 404 ErrorInvalidUser, as in microsoft-graph-docs issues #7909 and #4097).
- `joinLinks`: "long" (default, `https://teams.microsoft.com/l/meetup-join/...`) or "short"
  (`https://teams.microsoft.com/meet/<digits>?p=<passcode>`, Microsoft 365 message center
  MC772556; the format is quoted in microsoft-graph-comms-samples issues #829 and #847).
- `mailboxConcurrencyLimit`: null (default, unlimited) or a number of concurrent requests one
  mailbox's Outlook resources take before answering 429 ApplicationThrottled (Graph's
  "Outlook service limits" say 4; see graph_emulator/throttle.py).
- `timeZones`: "lenient" (default: Windows names plus every IANA name CLDR maps one to, and an
  unknown `Prefer: outlook.timezone` is ignored) or "documented" (only Windows names and the
  IANA names the dateTimeTimeZone page lists; an unknown Prefer zone is a 400, as shown in
  microsoft-graph-docs issue #6870).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph_emulator.errors import GraphError
from graph_emulator.store import Store

JSONObject = dict[str, Any]

KIND = "tenantSettings"
_CHOICES: dict[str, tuple[str, ...]] = {
    "directory": ("open", "closed"),
    "joinLinks": ("long", "short"),
    "timeZones": ("lenient", "documented"),
}
SETTABLE = (*_CHOICES, "mailboxConcurrencyLimit")


@dataclass(frozen=True, slots=True)
class TenantSettings:
    """What one tenant does differently from the emulator's defaults."""

    closed_directory: bool = False
    short_join_links: bool = False
    mailbox_concurrency_limit: int | None = None
    documented_time_zones: bool = False

    def to_json(self) -> JSONObject:
        return {
            "directory": "closed" if self.closed_directory else "open",
            "joinLinks": "short" if self.short_join_links else "long",
            "mailboxConcurrencyLimit": self.mailbox_concurrency_limit,
            "timeZones": "documented" if self.documented_time_zones else "lenient",
        }

    @classmethod
    def from_json(cls, data: JSONObject) -> TenantSettings:
        return cls(
            closed_directory=data.get("directory") == "closed",
            short_join_links=data.get("joinLinks") == "short",
            mailbox_concurrency_limit=data.get("mailboxConcurrencyLimit"),
            documented_time_zones=data.get("timeZones") == "documented",
        )


def tenant_settings(store: Store, tenant_id: str) -> TenantSettings:
    """The tenant's switches; defaults when the control API never set any."""
    stored = store.get(KIND, tenant_id, "", tenant_id)
    return TenantSettings() if stored is None else TenantSettings.from_json(stored)


def update_tenant_settings(store: Store, tenant_id: str, changes: JSONObject) -> TenantSettings:
    """Validate a control-API body (any subset of SETTABLE) and merge it into the tenant's."""
    unknown = sorted(set(changes) - set(SETTABLE))
    if unknown:
        raise GraphError.bad_request(
            f"Unknown tenant setting(s) {', '.join(unknown)}; settable: {', '.join(SETTABLE)}."
        )
    for key, choices in _CHOICES.items():
        if key in changes and changes[key] not in choices:
            raise GraphError.bad_request(f"'{key}' must be one of {', '.join(choices)}.")
    limit = changes.get("mailboxConcurrencyLimit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise GraphError.bad_request(
            "'mailboxConcurrencyLimit' must be a whole number of requests, 1 or more "
            "(Graph's Outlook limit is 4), or null for no limit."
        )
    merged = {**tenant_settings(store, tenant_id).to_json(), **changes}
    store.put(KIND, tenant_id, "", tenant_id, merged)
    return TenantSettings.from_json(merged)
