"""SPM Luring: offline reporting of the Minimum Service Standards (SPM) for Indonesian districts."""

# The one place the version is written; pyproject.toml reads it from here (hatch dynamic version).
__version__ = "0.1.0"
