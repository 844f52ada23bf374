"""The job runner's suite runs once per backend, like the storage suite it builds on."""

from __future__ import annotations

from tests.unit.storage.conftest import (
    Backend,
    backend,
    postgres_cluster,
    postgres_url,
    replicas,
    store,
)

__all__ = ["Backend", "backend", "postgres_cluster", "postgres_url", "replicas", "store"]
