"""The emulator's aiohttp application: its routes, its state, and the pipeline in front of them.

Every request goes through one middleware (graph_emulator/pipeline.py) where requests get ids,
latency and scripted faults are applied, the caller is authenticated, the target user's
gates run, errors become Graph's error body, and calls are logged.
"""

from __future__ import annotations

from aiohttp import web

from graph_emulator.calendar_control import add_calendar_control_routes
from graph_emulator.calendar_view import add_calendar_view_routes
from graph_emulator.calendars import add_calendar_routes
from graph_emulator.config import EmulatorSettings
from graph_emulator.control import add_control_routes
from graph_emulator.directory_control import add_directory_control_routes
from graph_emulator.events import add_event_routes
from graph_emulator.faults import FaultInjector
from graph_emulator.meetings import add_meeting_routes
from graph_emulator.pipeline import GRAPH_PREFIX, graph_pipeline, is_graph_path
from graph_emulator.recorder import RequestLog
from graph_emulator.schedule import add_schedule_routes
from graph_emulator.state import STATE, EmulatorState
from graph_emulator.store import Store
from graph_emulator.users import add_user_routes

__all__ = ["GRAPH_PREFIX", "create_emulator_app", "graph_pipeline", "is_graph_path"]


def create_emulator_app(settings: EmulatorSettings | None = None) -> web.Application:
    """A ready-to-serve emulator; its SQLite store opens now and closes on app cleanup."""
    settings = settings or EmulatorSettings()
    app = web.Application(middlewares=[graph_pipeline])
    app[STATE] = EmulatorState(
        settings=settings,
        store=Store(settings.db_path),
        faults=FaultInjector(settings.faults),
        log=RequestLog(settings.request_log_limit),
    )
    add_meeting_routes(app)
    add_calendar_routes(app)
    add_event_routes(app)
    add_calendar_view_routes(app)
    add_schedule_routes(app)
    add_user_routes(app)
    add_control_routes(app)
    add_calendar_control_routes(app)
    add_directory_control_routes(app)
    app.on_cleanup.append(_close_store)
    return app


async def _close_store(app: web.Application) -> None:
    app[STATE].store.close()
