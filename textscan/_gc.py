"""Pausing Python's cyclic garbage collector while acyclic data is built in bulk."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while stored data is turned into objects.

    Decoding makes tens of thousands of tuples in a burst. Each 700 of them
    start a collection, and every so often one of the whole heap, which in a
    process holding the pipeline and the lemma tables costs 40-50 ms a time:
    a re-profile in one process (``jobs=0``) spent a third of its time there.
    Use it only where what is built (tuples, lists and dicts of strings and
    numbers, and records of them) cannot form a reference cycle, so nothing
    is left for the collector to find. It runs as before afterwards, also
    after an exception; if the caller had it switched off, it stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
