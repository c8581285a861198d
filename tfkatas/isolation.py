"""A test run in a forked child of a warm process: whatever the code under test does to its
process (os._exit, a crash in C code, running out of memory, an endless loop in C), the parent
survives, knows how the child ended, and can stop it.

Watch mode forks one child per save, `make kata` one child per run, `make progress` and
`make grade` one child per kata (tfkatas.batch), all from a process that imported TensorFlow
once, so none pays TensorFlow's start-up again.
"""

from __future__ import annotations

import os
import signal
import sys
import time

from tfkatas.launcher import PytestRun, run_here


class ForkedRun:
    """One pytest run in a child process; `wait` says how it ended."""

    def __init__(self, run: PytestRun, quiet: bool = True):
        self.run, self.quiet = run, quiet
        self.pid: int | None = None

    def start(self) -> ForkedRun:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # The child: the pytest run, then leave without running the parent's exit handlers.
            code = 3
            try:
                os.setpgid(0, 0)  # Its own process group, so the parent can stop anything it started.
                if self.quiet:
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, 1)
                    os.dup2(devnull, 2)
                signal.signal(signal.SIGINT, signal.SIG_DFL if self.quiet else signal.default_int_handler)
                code = run_here(self.run)
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self.pid = pid
        return self

    def wait(self, limit: float | None = None, superseded=None) -> str:
        """'exit N', 'signal NAME', 'timeout' or 'superseded' (then the child is stopped).

        `superseded()` is asked every 0.1 s: True stops the run (watch: the file was saved again).
        """
        next_look = time.monotonic() + 0.1
        deadline = None if limit is None else time.monotonic() + limit
        while True:
            done, wait_status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                break
            if deadline is not None and time.monotonic() > deadline:
                self.stop()
                return "timeout"
            if superseded is not None and time.monotonic() > next_look:
                next_look = time.monotonic() + 0.1
                if superseded():
                    self.stop()
                    return "superseded"
            time.sleep(0.005)
        self.pid = None
        if os.WIFSIGNALED(wait_status):
            return f"signal {signal.Signals(os.WTERMSIG(wait_status)).name}"
        return f"exit {os.WEXITSTATUS(wait_status)}"

    def stop(self) -> None:
        pid, self.pid = self.pid, None
        if pid is None:
            return
        for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
            try:
                kill()
            except (ProcessLookupError, PermissionError):
                pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def ended_without_verdict(how: str) -> str:
    """Why a run that wrote no results has no verdict, in words."""
    if how == "timeout":
        return "the run did not finish in time (an endless loop the per-test timeout cannot stop, as in C code?)"
    if how.startswith("signal"):
        return f"the process was killed ({how}: a crash in C code, or out of memory?)"
    return f"the process ended ({how}) before the tests finished: does the code call os._exit?"
