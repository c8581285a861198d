"""`python -m tfkatas COMMAND` (or the installed `tfkatas COMMAND`) runs one helper command."""

import os
import sys


def console() -> None:
    """The entry point: one command, its failures in one line, a quick exit."""
    from tfkatas.cli import main
    from tfkatas.curriculum import CurriculumError

    try:
        status = main()
    except BrokenPipeError:  # `python -m tfkatas list | head`: the reader left; nothing is wrong.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    except CurriculumError as error:  # A broken index or kata.toml: one line, whatever the command.
        print(f"tfkatas: {error}", file=sys.stderr)
        status = 2
    except KeyboardInterrupt:  # Ctrl-C: nothing half-written is left (state and grade files are written atomically).
        print("\ntfkatas: stopped (Ctrl-C)", file=sys.stderr)
        status = 130
    if "tensorflow" in sys.modules:
        # Interpreter teardown after TensorFlow has run ops takes 0.5-0.7 s here (measured): every
        # result is written and reported by now, so flush and leave at once.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    console()
