"""`meeting-bot doctor`: checks an installation end to end and names the fix for each failure."""
