"""The load bench's parts: processes and /proc readings, the load driver, the report."""
