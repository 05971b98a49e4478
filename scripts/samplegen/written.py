"""Samples written by the project (placeholder, filled in the next commits)."""


def make_written_samples() -> list:
    return []
