"""The command grammar: text helpers, compiled patterns, scanning and time resolution."""
