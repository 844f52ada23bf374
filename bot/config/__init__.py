"""Settings, read once from a mapping (normally os.environ). The only reader of the environment."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config.publisher import PublisherSettings as PublisherSettings
from bot.config.publisher import load_publisher_settings as load_publisher_settings
from bot.config.values import (
    ConfigError as ConfigError,
)
from bot.config.values import (
    file_setting,
    flag_setting,
    https_url_setting,
    int_setting,
    seconds_setting,
    service_url_setting,
)

DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0"
DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com"
BOT_FRAMEWORK_TOKEN_ISSUER = "https://api.botframework.com"
#: The Bot Framework token service: the sign-in button's link, and users' tokens after it.
BOT_FRAMEWORK_TOKEN_SERVICE = "https://api.botframework.com"
ANY_TENANT = "*"
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", re.I)


APP_TYPES = frozenset({"multitenant", "singletenant"})


class GraphAuthMode(StrEnum):
    APP = "app"
    DELEGATED = "delegated"


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class IdentitySettings:
    """Identity and trust: the certificate credential, tenants, the authority, SSO, the cache."""

    app_certificate_path: Path | None = None
    app_certificate_thumbprint: str = ""
    allowed_tenants: tuple[str, ...] = ()
    authority_host: str = DEFAULT_AUTHORITY_HOST
    authority_ca_bundle: Path | None = None
    bot_openid_metadata_url: str = ""
    bot_token_issuer: str = BOT_FRAMEWORK_TOKEN_ISSUER
    sso_connection_name: str = "TeamsSSO"
    token_service_url: str = BOT_FRAMEWORK_TOKEN_SERVICE
    sso_app_id_uri: str = ""
    token_cache_key: str = field(default="", repr=False)


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class JobSettings:
    """Messages the bot starts (reminders, the daily agenda) and how it is watched."""

    reminder_minutes: int = 10  # a reminder this long before a bot-created meeting starts
    poll_seconds: float = 1.0  # how often a replica looks for due jobs; 0: never (tests)
    lease_seconds: float = 60.0  # a claimed job is another replica's again after this long
    otlp_endpoint: str = ""  # OpenTelemetry traces are exported only when set
    service_name: str = "meeting-bot"


@dataclass(frozen=True, eq=False)  # configuration: never compared by value
class Settings:
    """Everything the bot can be configured with. See .env.example for each variable."""

    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    host: str = "127.0.0.1"
    port: int = 3978
    graph_base_url: str = DEFAULT_GRAPH_BASE_URL
    graph_auth: GraphAuthMode = GraphAuthMode.APP
    graph_timeout: float = 10.0
    graph_max_retries: int = 3
    turn_budget: float = 10.0  # the HTTP answer leaves within this; the rest goes on behind
    background_budget: float = 60.0  # all of a turn's work, Graph retries included
    local: bool = False
    emulator_host: str = "127.0.0.1"
    emulator_port: int = 3979
    emulator_db: Path = Path("var/emulator.sqlite3")
    playground_port: int = 56150
    bot_db: Path = Path("var/bot.sqlite3")
    database_url: str = field(default="", repr=False)  # postgresql://…: replicas share it
    default_timezone: str = "UTC"
    default_duration: timedelta = timedelta(minutes=30)
    log_level: str = "INFO"
    identity: IdentitySettings = field(default_factory=IdentitySettings)
    publisher: PublisherSettings = field(default_factory=PublisherSettings)
    jobs: JobSettings = field(default_factory=JobSettings)

    @property
    def has_app_credentials(self) -> bool:
        return bool(self.app_id and (self.app_password or self.identity.app_certificate_path))

    @property
    def tenant_allowlist(self) -> frozenset[str] | None:
        """Tenants whose users may use the bot (lower case); None means every tenant.

        Without credentials (local mode) nothing is checked; with them, ALLOWED_TENANTS, else
        the app's own MicrosoftAppTenantId; `ALLOWED_TENANTS=*` opts into every tenant.
        """
        tenants = self.identity.allowed_tenants
        if ANY_TENANT in tenants:
            return None
        if tenants:
            return frozenset(t.lower() for t in tenants)
        if self.has_app_credentials and self.app_tenant_id:
            return frozenset({self.app_tenant_id.lower()})
        return None

    @property
    def sso_resource(self) -> str:
        """The Application ID URI Teams requests SSO tokens for (the manifest's resource)."""
        return self.identity.sso_app_id_uri or f"api://botid-{self.app_id}"

    @property
    def default_zone(self) -> ZoneInfo:
        return ZoneInfo(self.default_timezone)

    def __repr__(self) -> str:  # keep secrets out of logs and tracebacks
        secret = "***" if self.app_password else ""
        cache_key = "***" if self.identity.token_cache_key else ""
        return (
            f"Settings(app_id={self.app_id!r}, app_password={secret!r}, "
            f"token_cache_key={cache_key!r}, local={self.local}, "
            f"graph_base_url={self.graph_base_url!r}, port={self.port})"
        )


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build Settings from environment-style variables, with clear errors for bad values."""
    app_id = env.get("MicrosoftAppId", "").strip()
    app_password = env.get("MicrosoftAppPassword", "").strip()
    identity = _identity_settings(env, app_id)
    has_credentials = bool(app_id and (app_password or identity.app_certificate_path))
    local = flag_setting(env, "LOCAL_MODE")
    turn_budget, background_budget = _budgets(env)
    if local is None:
        # No credentials means nothing real to talk to: run on the embedded emulator.
        local = not has_credentials
    return Settings(
        app_id=app_id,
        app_password=app_password,
        app_type=_app_type(env),
        app_tenant_id=_tenant_id(env, has_credentials, identity),
        host=env.get("BOT_HOST", "").strip() or "127.0.0.1",
        port=int_setting(env, "PORT", 3978, 1, 65535),
        graph_base_url=_graph_base_url(env),
        graph_auth=_graph_auth(env),
        graph_timeout=seconds_setting(env, "GRAPH_TIMEOUT_SECONDS", 10.0),
        graph_max_retries=int_setting(env, "GRAPH_MAX_RETRIES", 3, 0, 10),
        turn_budget=turn_budget,
        background_budget=background_budget,
        local=local,
        emulator_host=env.get("EMULATOR_HOST", "").strip() or "127.0.0.1",
        emulator_port=int_setting(env, "EMULATOR_PORT", 3979, 1, 65535),
        emulator_db=Path(env.get("EMULATOR_DB", "").strip() or "var/emulator.sqlite3"),
        playground_port=int_setting(env, "PLAYGROUND_PORT", 56150, 1, 65535),
        bot_db=Path(env.get("BOT_DB", "").strip() or "var/bot.sqlite3"),
        database_url=env.get("DATABASE_URL", "").strip(),
        default_timezone=_default_timezone(env),
        default_duration=timedelta(
            minutes=int_setting(env, "DEFAULT_MEETING_MINUTES", 30, 5, 1440)
        ),
        log_level=(env.get("LOG_LEVEL", "").strip() or "INFO").upper(),
        identity=identity,
        publisher=load_publisher_settings(env),
        jobs=_job_settings(env),
    )


def _job_settings(env: Mapping[str, str]) -> JobSettings:
    return JobSettings(
        reminder_minutes=int_setting(env, "REMINDER_MINUTES", 10, 0, 1440),
        poll_seconds=seconds_setting(env, "JOB_POLL_SECONDS", 1.0),
        lease_seconds=seconds_setting(env, "JOB_LEASE_SECONDS", 60.0),
        otlp_endpoint=env.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip().rstrip("/"),
        service_name=env.get("OTEL_SERVICE_NAME", "").strip() or "meeting-bot",
    )


def _budgets(env: Mapping[str, str]) -> tuple[float, float]:
    """Teams redelivers a message it has no answer for after 15 s: the turn budget stays below."""
    turn = seconds_setting(env, "TURN_BUDGET_SECONDS", 10.0)
    background = seconds_setting(env, "BACKGROUND_BUDGET_SECONDS", 60.0)
    if turn > 14:
        raise ConfigError(f"TURN_BUDGET_SECONDS={turn:g} must be under 15 (Teams' own limit)")
    if not turn <= background <= 3600:
        raise ConfigError(
            f"BACKGROUND_BUDGET_SECONDS={background:g} must be from TURN_BUDGET_SECONDS "
            f"({turn:g}) to 3600"
        )
    return turn, background


def _default_timezone(env: Mapping[str, str]) -> str:
    tz_name = env.get("DEFAULT_TIMEZONE", "").strip() or "UTC"
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"DEFAULT_TIMEZONE={tz_name!r} is not an IANA time zone (e.g. Europe/Berlin)"
        ) from None
    return tz_name


def _graph_auth(env: Mapping[str, str]) -> GraphAuthMode:
    try:
        return GraphAuthMode(env.get("GRAPH_AUTH", "app").strip().lower() or "app")
    except ValueError:
        raise ConfigError("GRAPH_AUTH must be 'app' or 'delegated'") from None


def _graph_base_url(env: Mapping[str, str]) -> str:
    base_url = env.get("GRAPH_BASE_URL", "").strip().rstrip("/") or DEFAULT_GRAPH_BASE_URL
    if not base_url.startswith(("https://", "http://")):
        raise ConfigError(f"GRAPH_BASE_URL={base_url!r} must be an http(s) URL")
    return base_url


def _tenant_id(env: Mapping[str, str], has_credentials: bool, identity: IdentitySettings) -> str:
    tenant_id = env.get("MicrosoftAppTenantId", "").strip()
    if tenant_id and not (_GUID.match(tenant_id) or _DOMAIN.match(tenant_id)):
        raise ConfigError(
            f"MicrosoftAppTenantId={tenant_id!r} is neither a tenant id (GUID) nor a domain "
            "such as contoso.onmicrosoft.com"
        )
    if has_credentials and not tenant_id and not identity.allowed_tenants:
        raise ConfigError(
            "Set MicrosoftAppTenantId (your tenant) or ALLOWED_TENANTS (tenant ids, comma "
            "separated): with credentials the bot serves only the tenants it is told to "
            "(ALLOWED_TENANTS=* serves every tenant)"
        )
    return tenant_id


def _app_type(env: Mapping[str, str]) -> str:
    app_type = env.get("MicrosoftAppType", "").strip() or "MultiTenant"
    if app_type.lower() not in APP_TYPES:
        raise ConfigError(
            f"MicrosoftAppType={app_type!r} is not supported: use MultiTenant or SingleTenant "
            "with a client secret (MicrosoftAppPassword) or a certificate "
            "(MicrosoftAppCertificatePath); managed identities are not supported yet"
        )
    return app_type


def _identity_settings(env: Mapping[str, str], app_id: str) -> IdentitySettings:
    """The identity and trust settings: credentials, tenants, authority, SSO, token cache."""
    if app_id and not _GUID.match(app_id):
        raise ConfigError(
            f"MicrosoftAppId={app_id!r} is not a GUID: copy the Application (client) ID from "
            "the app registration's Overview page in the Entra admin center"
        )
    tenants = tuple(t.strip() for t in env.get("ALLOWED_TENANTS", "").split(",") if t.strip())
    for tenant in tenants:
        if tenant != ANY_TENANT and not _GUID.match(tenant):
            raise ConfigError(
                f"ALLOWED_TENANTS: {tenant!r} is not a tenant id (GUID); list tenant ids "
                "separated by commas, or * for every tenant"
            )
    thumbprint = env.get("MicrosoftAppCertificateThumbprint", "").strip().replace(":", "")
    if thumbprint and not re.fullmatch(r"[0-9a-fA-F]{40}", thumbprint):
        raise ConfigError(
            "MicrosoftAppCertificateThumbprint must be the certificate's SHA-1 thumbprint "
            "(40 hex digits, as the app registration's Certificates page shows it)"
        )
    return IdentitySettings(
        app_certificate_path=file_setting(env, "MicrosoftAppCertificatePath"),
        app_certificate_thumbprint=thumbprint.upper(),
        allowed_tenants=tenants,
        authority_host=https_url_setting(env, "AUTHORITY_HOST", DEFAULT_AUTHORITY_HOST),
        authority_ca_bundle=file_setting(env, "AUTHORITY_CA_BUNDLE"),
        bot_openid_metadata_url=https_url_setting(env, "BOT_OPENID_METADATA_URL"),
        bot_token_issuer=env.get("BOT_TOKEN_ISSUER", "").strip() or BOT_FRAMEWORK_TOKEN_ISSUER,
        sso_connection_name=env.get("SSO_CONNECTION_NAME", "").strip() or "TeamsSSO",
        token_service_url=service_url_setting(
            env, "BOT_TOKEN_SERVICE_URL", BOT_FRAMEWORK_TOKEN_SERVICE
        ),
        sso_app_id_uri=env.get("SSO_APP_ID_URI", "").strip(),
        token_cache_key=env.get("TOKEN_CACHE_KEY", "").strip(),
    )
