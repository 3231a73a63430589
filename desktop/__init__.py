"""SPM Luring: offline reporting of the Minimum Service Standards (SPM) for Indonesian districts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spm-luring")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
