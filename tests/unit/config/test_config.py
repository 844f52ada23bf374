"""Identity settings: malformed values are refused at start-up, naming the variable; every
variable the bot reads is documented in .env.example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.identity.entra import ClientCredential
from graph_emulator.identity import make_app_certificate
from tests.support.identity_fixtures import APP_ID, SECRET

ROOT = Path(__file__).resolve().parents[3]
TENANT = "11111111-2222-3333-4444-555555555555"
BASE = {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": SECRET, "MicrosoftAppTenantId": TENANT}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        pytest.param(
            {"MicrosoftAppId": "bot-1"}, "MicrosoftAppId='bot-1' is not a GUID", id="app-id"
        ),
        pytest.param(
            {"MicrosoftAppTenantId": "not a tenant"}, "MicrosoftAppTenantId", id="tenant-id"
        ),
        pytest.param({"ALLOWED_TENANTS": "contoso"}, "ALLOWED_TENANTS: 'contoso'", id="allowed"),
        pytest.param(
            {"AUTHORITY_HOST": "http://login.example"}, "AUTHORITY_HOST", id="authority-not-https"
        ),
        pytest.param(
            {"BOT_TOKEN_SERVICE_URL": "http://token.example"},
            "BOT_TOKEN_SERVICE_URL",
            id="token-service-not-https",
        ),
        pytest.param(
            {"BOT_OPENID_METADATA_URL": "http://x/meta"}, "BOT_OPENID_METADATA_URL", id="metadata"
        ),
        pytest.param(
            {"AUTHORITY_CA_BUNDLE": "/nonexistent/ca.pem"}, "AUTHORITY_CA_BUNDLE", id="ca-missing"
        ),
        pytest.param(
            {"MicrosoftAppCertificateThumbprint": "abc"},
            "MicrosoftAppCertificateThumbprint",
            id="thumbprint",
        ),
        pytest.param(
            {"MicrosoftAppCertificatePath": "/nonexistent/cert.pem"},
            "MicrosoftAppCertificatePath",
            id="certificate-missing",
        ),
        pytest.param(
            {"MicrosoftAppType": "UserAssignedMSI"},
            "managed identities are not supported",
            id="managed-identity",
        ),
    ],
)
def test_a_malformed_identity_setting_is_refused_by_name(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as refused:
        load_settings({**BASE, **env})

    assert message in str(refused.value)
    assert SECRET not in str(refused.value)


def test_a_certificate_alone_is_a_credential_and_its_thumbprint_is_checked(tmp_path: Path) -> None:
    made = make_app_certificate(tmp_path / "cert.pem")
    env = {**BASE, "MicrosoftAppPassword": "", "MicrosoftAppCertificatePath": str(made.pem_path)}

    settings = load_settings(env)
    credential = ClientCredential.from_settings(settings)
    wrong = load_settings({**env, "MicrosoftAppCertificateThumbprint": "AB" * 20})

    assert settings.has_app_credentials
    assert not settings.local
    assert credential.kind == "certificate"
    form = credential.for_msal()
    assert isinstance(form, dict)
    assert form["thumbprint"] == made.sha1_thumbprint
    with pytest.raises(ConfigError, match="does not match the certificate"):
        ClientCredential.from_settings(wrong)


def test_secrets_stay_out_of_the_settings_repr() -> None:
    settings = load_settings({**BASE, "TOKEN_CACHE_KEY": "cache-key-value-123"})

    assert SECRET not in repr(settings)
    assert "cache-key-value-123" not in repr(settings)
    assert SECRET not in repr(ClientCredential.from_settings(settings))


def test_every_variable_the_bot_reads_is_documented_in_env_example() -> None:
    source = "".join(path.read_text() for path in sorted((ROOT / "bot" / "config").glob("*.py")))
    names = set(re.findall(r'env(?:\.get\(|, )"([A-Za-z_]+)"', source))
    documented = set(re.findall(r"^([A-Za-z_]+)=", (ROOT / ".env.example").read_text(), re.M))

    assert "ALLOWED_TENANTS" in names
    assert names - documented == set()


def test_the_time_budgets_default_to_ten_and_sixty_seconds() -> None:
    settings = load_settings({})
    assert (settings.turn_budget, settings.background_budget) == (10.0, 60.0)
    tuned = load_settings({"TURN_BUDGET_SECONDS": "2", "BACKGROUND_BUDGET_SECONDS": "30"})
    assert (tuned.turn_budget, tuned.background_budget) == (2.0, 30.0)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TURN_BUDGET_SECONDS": "15"}, "under 15"),
        ({"TURN_BUDGET_SECONDS": "0"}, "TURN_BUDGET_SECONDS must be positive"),
        ({"TURN_BUDGET_SECONDS": "8", "BACKGROUND_BUDGET_SECONDS": "5"}, "from TURN_BUDGET"),
        ({"BACKGROUND_BUDGET_SECONDS": "soon"}, "not a number of seconds"),
    ],
    ids=["over-teams-limit", "zero", "background-shorter", "not-a-number"],
)
def test_a_budget_that_cannot_work_is_refused_by_name(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "https://api.botframework.com"),
        ("https://europe.token.botframework.com/", "https://europe.token.botframework.com"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
    ],
    ids=["default", "regional", "local-stand-in"],
)
def test_the_token_service_is_the_public_one_unless_set(value: str, expected: str) -> None:
    settings = load_settings({"BOT_TOKEN_SERVICE_URL": value})
    assert settings.identity.token_service_url == expected
