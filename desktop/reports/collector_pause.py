"""Holding the cyclic garbage collector off while a big batch of objects is made and dropped again.

A PDF build or an Excel import makes hundreds of thousands of objects, next to none of them in a
reference cycle. Counting them, the collector would run again and again and now and then walk every
object of the process, for nothing to collect. Memory is still freed by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycles_uncollected() -> Iterator[None]:
    """Holds the collector off for the block; it resumes afterwards if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
