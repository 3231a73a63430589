"""`python -m hub` = `spm-hub`."""

import sys

from hub.cli import main

sys.exit(main())
