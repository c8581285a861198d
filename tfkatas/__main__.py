"""`python -m tfkatas COMMAND` runs one helper command."""

import os
import sys

from tfkatas.cli import main

status = main()
if "tensorflow" in sys.modules:
    # Interpreter teardown after TensorFlow has run ops takes 0.5-0.7 s here (measured): every
    # result is written and reported by now, so flush and leave at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
sys.exit(status)
