"""The frozen-program tests run against a build: `make test-dist` builds it (make dist) and names it in
SPM_LURING_FROZEN_APP. Without a build (a plain `make test`) this folder is not collected at all."""

import os

FROZEN_APP = "SPM_LURING_FROZEN_APP"

collect_ignore_glob = [] if os.environ.get(FROZEN_APP) else ["test_*.py"]
