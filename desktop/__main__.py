"""`python -m desktop`: the window, or a command when one is given."""

import sys

from desktop.cli import main

sys.exit(main())
