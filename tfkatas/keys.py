"""Single keys from the terminal while watching, without Enter and without blocking.

On a terminal, `Keys` puts standard input in cbreak mode (each key arrives at once, Ctrl-C still
interrupts) and puts it back on exit; `pressed()` returns the keys typed since the last look.
Without a terminal (a pipe, a test, CI) it reads nothing, and watch behaves as before.
"""

from __future__ import annotations

import os
import select
import sys


class Keys:
    def __init__(self, stream=None):
        self.stream = stream or sys.stdin
        self.saved = None

    @property
    def interactive(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError):
            return False

    def __enter__(self) -> Keys:
        if self.interactive:
            import termios
            import tty

            self.saved = termios.tcgetattr(self.stream.fileno())
            tty.setcbreak(self.stream.fileno())
        return self

    def __exit__(self, *exc) -> None:
        if self.saved is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self.saved)
            self.saved = None

    def pressed(self) -> str:
        if self.saved is None:
            return ""
        keys = ""
        while select.select([self.stream], [], [], 0)[0]:
            data = os.read(self.stream.fileno(), 64)
            if not data:
                break
            keys += data.decode(errors="ignore")
        return keys

    def ask(self, question: str, say) -> bool:
        """A yes/no question answered by one key (y); anything else is no."""
        say(f"{question} [y/N]")
        while True:
            if select.select([self.stream], [], [], 0.1)[0]:
                answer = os.read(self.stream.fileno(), 1).decode(errors="ignore")
                return answer.lower() == "y"
