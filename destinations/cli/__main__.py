"""``python -m destinations.cli``: the same as the ``destinations`` command."""

import sys

from destinations.cli import main

sys.exit(main())
