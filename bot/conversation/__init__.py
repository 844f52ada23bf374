"""The conversation: one dispatch(turn) -> Reply for typed text and card buttons, the gates in
front of it (the turn's time budget among them), the card-verb registry, failures in words, and
what happens after the answer: late results posted, creates left in doubt reconciled."""
