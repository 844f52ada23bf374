"""The Teams manifest schema the bot's package follows, apart from the package reader so the
CLI can name it in `--help` without importing what reads and checks packages."""

#: The Teams manifest schema the bot's package follows and validates against.
SCHEMA_VERSION = "1.22"
SCHEMA_URL = f"https://developer.microsoft.com/json-schemas/teams/v{SCHEMA_VERSION}/MicrosoftTeams.schema.json"
