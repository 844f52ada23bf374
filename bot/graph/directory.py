"""Graph's user directory as the bot reads it: who a user is, by id, mail or sign-in name.

Reading other users' basic profiles (GET /users/{id}, GET /users?$filter=...) takes the
permission User.ReadBasic.All; without it Graph answers 403 Authorization_RequestDenied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The properties the bot reads (userType is outside Graph's default set, so it is selected).
USER_SELECT = "id,displayName,mail,userPrincipalName,userType"
GUEST = "Guest"


@dataclass(frozen=True)
class DirectoryUser:
    """A person from the organization's directory (Graph /users)."""

    id: str
    display_name: str
    mail: str
    user_principal_name: str
    user_type: str = ""  # "Member" or "Guest"; "" when Graph did not say

    @property
    def address(self) -> str:
        """Where invitations go: the mail address, else the sign-in name."""
        return self.mail or self.user_principal_name

    @property
    def is_guest(self) -> bool:
        return self.user_type == GUEST

    @classmethod
    def from_graph(cls, doc: dict[str, Any]) -> DirectoryUser:
        return cls(
            id=str(doc.get("id") or ""),
            display_name=str(doc.get("displayName") or ""),
            mail=str(doc.get("mail") or ""),
            user_principal_name=str(doc.get("userPrincipalName") or ""),
            user_type=str(doc.get("userType") or ""),
        )


def address_filter(address: str) -> str:
    """`$filter` for the user whose mail or sign-in name is `address` (OData-quoted)."""
    quoted = address.strip().replace("'", "''")
    return f"mail eq '{quoted}' or userPrincipalName eq '{quoted}'"
