"""The conversation: one dispatch(turn) -> Reply for typed text and card buttons, the gates in
front of it, the card-verb registry, and failures in words."""
