"""Pausing Python's cyclic garbage collector while acyclic data is built in bulk."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(*, kept: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while stored data is turned into objects.

    Decoding makes tens of thousands of tuples in a burst. Each 700 of them
    start a collection, and every so often one of the whole heap, which in a
    process holding the pipeline and the lemma tables costs 40-50 ms a time:
    a re-profile in one process (``jobs=0``) spent a third of its time there.
    Use it only where what is built (tuples, lists and dicts of strings and
    numbers, and records of them) cannot form a reference cycle, so nothing
    is left for the collector to find. It runs as before afterwards, also
    after an exception; if the caller had it switched off, it stays off.

    With ``kept`` what was built is meant to live as long as the process
    (imported modules, lemma tables, a matcher's tables): it goes straight
    to the oldest generation (``gc.freeze`` then ``gc.unfreeze``), which only
    the rare full collections visit. Without that, the first collection after
    the pause scans all of it as young objects: 37 ms after building the
    pipeline for the five manifestos. Everything else the process holds
    goes there too, which changes when, not whether, it is collected.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if kept:
            gc.freeze()
            gc.unfreeze()
        gc.enable()


#: the first-generation threshold of textscan's own processes (Python's is 700)
OWN_THRESHOLD = 50_000


def tune_collector() -> None:
    """Collect the young generation every 50,000 new objects instead of every 700.

    For textscan's own processes only: its worker processes and the process
    of the ``textscan`` command (never a caller's interpreter).
    A worker makes and drops hundreds of thousands of short-lived tuples and
    records per file (tokens, sentences, hits); with Python's threshold each
    is scanned by the collector once or twice before it is freed. Measured in
    a worker's setting (inherited heap frozen), on the 28 benchmark files
    re-profiled with a changed lexicon: 157 ms of 1.54 s in 365 collections
    with the default, none with this threshold; on a cold run of the five
    manifestos 62 ms in 376 collections, 22-24 ms with 20,000-100,000.
    The command's process imports and builds the lexicons, lemma tables and
    matcher before the workers start: with Python's threshold 200-odd
    collections, 100-150 ms of a cold scan of the five manifestos (counted
    with ``gc.callbacks``), 30-50 ms with this one.
    Reference cycles are still collected, only in larger batches: what
    little cyclic garbage a file leaves waits for up to 50,000 allocations.
    """
    _first, second, third = gc.get_threshold()
    gc.set_threshold(OWN_THRESHOLD, second, third)
