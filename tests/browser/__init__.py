"""Browser tests: Adaptive Cards in the real renderer, and the Agents Playground in Chromium."""
