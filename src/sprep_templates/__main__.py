"""``python -m sprep_templates`` is the ``sprep`` command."""

import sys

from .cli import main

sys.exit(main())
