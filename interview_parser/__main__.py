"""``python -m interview_parser``: the same CLI as the ``interview-parser`` command."""

import sys

from .cli import main

sys.exit(main())
