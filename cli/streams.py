"""The command's diagnostics outlive their reader.

`chusho-extract run ... 2>&1 | head` closes the pipe of the command's standard error after a few
lines. Python then raises BrokenPipeError at the next progress or timeline line, wherever it is
written: in the middle of a run it ended the command with nothing written, or left it waiting at its
exit for worker processes nobody had stopped. A run's work does not depend on anyone reading its
progress, so standard error is made to write nowhere once its reader has gone (the descriptor itself
is pointed at /dev/null, so that what is buffered, the worker processes forked after and C code write
nowhere too), and the run goes on to write its output folder. Standard output keeps the usual meaning
of a closed pipe (`list | head`): `cli.main` ends the command quietly.
"""
from __future__ import annotations

import os
import sys


class SurvivesClosedPipe:
    """A text stream that, once a write finds its pipe closed, sends everything to /dev/null."""

    def __init__(self, stream):
        self._stream = stream

    def _to_devnull(self) -> None:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (OSError, ValueError):  # no descriptor (a test's stream): replace the stream itself
            self._stream = open(os.devnull, "w", encoding="utf-8")

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._to_devnull()
            return self._stream.write(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._to_devnull()
            self._stream.flush()

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def survive_closed_stderr() -> None:
    """Standard error, from now on in this process and those it forks, survives its reader's going away."""
    if not isinstance(sys.stderr, SurvivesClosedPipe) and sys.stderr is not None:
        sys.stderr = SurvivesClosedPipe(sys.stderr)
