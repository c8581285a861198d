"""Import TensorFlow without its start-up log lines.

TensorFlow 2.21 writes absl/oneDNN notices to file descriptor 2 on import even with
TF_CPP_MIN_LOG_LEVEL=2 (measured here). Inside a test pytest captures them; everywhere else
(the report header, watch mode's warm process, the bench) import it through this function.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType


def import_tensorflow() -> ModuleType:
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        import tensorflow
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
    return tensorflow
