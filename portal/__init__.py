"""The bottom layer: what every app shares and that knows none of them (no app imports)."""
