"""Messages the bot starts: the job runner (claims due jobs from the database, runs each once
across every replica) and the jobs it runs, reminders and the daily agenda."""

from bot.jobs.runner import JobHandler, JobRunner, Outcome

__all__ = ["JobHandler", "JobRunner", "Outcome"]
