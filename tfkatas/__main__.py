"""`python -m tfkatas COMMAND` runs one helper command."""

import sys

from tfkatas.cli import main

sys.exit(main())
