"""A process forked as ``textscan scan`` starts, which the scan makes its pre-extractor.

With two or more jobs and the cache on, a scan extracts its largest file into
the cache on the core the parent leaves idle while it imports the runner,
loads the lexicons and builds the NLP pipeline (see
:class:`textscan.runner._PreExtractor`). Forked once the scan had planned its
work, after the imports of click, the CLI and the runner, that process began
extracting 0.16-0.19 s into a run on a quiet host, the other core idle until
then.

The command's entry point (:func:`textscan.__main__.main`) forks this spare
process first, before it imports anything but the package. The spare imports the
PDF reader and the runner on the idle core while the parent imports the CLI,
then waits; :func:`textscan.runner.start_pre_extraction` hands it the
pre-extractor's work as soon as the scan is planned, or lets it go when there
is none for it (one job, no cache, every file annotated already). It also
ends when its pipe closes: when the parent ends, whatever way (an error, a
usage message), so does the spare.

Only for ``textscan scan`` on Linux with two or more usable cores. A library
call of :func:`textscan.scan` has no spare: it forks its pre-extractor as
before.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from typing import Any

_spare: Spare | None = None
#: the most work :meth:`Spare.hand_over` sends: less than a pipe holds (64 KiB on
#: Linux), so that the send returns at once whether or not the spare is reading yet
_HAND_OVER_BYTES = 60_000


class Spare:
    """The parent's handle on its spare process: a pid and a pipe each way.

    Once :meth:`hand_over` has given it work it is the pre-extractor's
    process: it has the ``set`` of a stop event and the ``pid``,
    ``is_alive``, ``kill`` and ``join`` of a process.
    """

    def __init__(self, pid: int, to_child: int, from_child: int) -> None:
        self.pid = pid
        self._to_child: int | None = to_child
        self._from_child: int | None = from_child
        self._inbox: Any = None  # the Connection that writes to the spare
        self._stopped = False
        self._exit: int | None = None

    def hand_over(self, config: Any, tasks: list[Any], order: bool) -> Any:
        """Give it the pre-extractor's work; returns the Connection it reports on.

        ``config`` (a ``ScanConfig``), ``tasks`` and ``order`` are those of
        :func:`textscan.runner._pre_extract_main`. Raises OSError when it has
        ended (killed, or its imports failed), and ValueError when the work
        does not fit in the pipe's buffer (thousands of files), where sending it
        could wait on the spare's imports; the caller then forks a
        pre-extractor as it would without a spare.
        """
        import pickle
        from multiprocessing.connection import Connection

        assert self._to_child is not None and self._from_child is not None
        work = pickle.dumps((config, tasks, order), protocol=pickle.HIGHEST_PROTOCOL)
        if len(work) > _HAND_OVER_BYTES:
            raise ValueError(f"{len(work)} bytes of work do not fit in the pipe")
        self._inbox, self._to_child = Connection(self._to_child, readable=False), None
        self._inbox.send_bytes(work)  # BrokenPipeError (an OSError) if it has ended
        reports = Connection(self._from_child, writable=False)
        self._from_child = None
        return reports

    def set(self) -> None:
        """Ask it to stop after its current file (as the pre-extractor's stop event)."""
        if self._stopped or self._inbox is None:
            return
        self._stopped = True
        with contextlib.suppress(OSError):  # it has ended already
            self._inbox.send(None)

    def is_alive(self) -> bool:
        if self._exit is not None:
            return False
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            self._exit = -1
            return False
        if pid == 0:
            return True
        self._exit = status
        return False

    def kill(self) -> None:
        if self.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)

    def join(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.002)

    def release(self) -> None:
        """Close the pipe to it: unused, it ends (as soon as its imports are done).

        It is reaped here if it has ended already, else when this process ends
        (no thread is kept to wait for it).
        """
        for fd in (self._to_child, self._from_child):
            if fd is not None:
                os.close(fd)
        self._to_child = self._from_child = None
        if self._inbox is not None:
            self._inbox.close()
            self._inbox = None
        self.is_alive()


def fork_for(args: list[str]) -> None:
    """Fork the spare when ``args`` (the command line after ``textscan``) run a scan.

    Only on Linux, with two or more usable cores (on one it would take the
    core the scan needs) and ``fork``; else nothing happens.
    """
    global _spare
    if _spare is not None or not args or args[0] != "scan":
        return
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - Linux has it
        cores = os.cpu_count() or 1
    if cores < 2:
        return
    from_parent, to_child = os.pipe()
    from_child, to_parent = os.pipe()
    pid = os.fork()
    if pid == 0:  # the spare: never returns
        code = 1
        try:
            os.close(to_child)
            os.close(from_child)
            _serve(from_parent, to_parent)
            code = 0
        except BaseException:  # nothing to report to: a worker meets its files anyway
            pass
        finally:
            os._exit(code)
    os.close(from_parent)
    os.close(to_parent)
    _spare = Spare(pid, to_child, from_child)


def take() -> Spare | None:
    """The spare, if this process forked one and has not taken it yet (then: None)."""
    global _spare
    spare, _spare = _spare, None
    return spare


class _Stop:
    """The pre-extractor's stop event in the spare: set once the parent writes or ends."""

    def __init__(self, inbox: Any) -> None:
        self._inbox = inbox

    def is_set(self) -> bool:
        try:
            return bool(self._inbox.poll())
        except (OSError, EOFError):
            return True


def _serve(from_parent: int, to_parent: int) -> None:
    """The spare's life: import the reader, wait for work, do it as the pre-extractor."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # it writes nothing, and must not hold the command's output open: a caller
    # that reads it to the end would wait for the spare too
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    from multiprocessing.connection import Connection

    inbox = Connection(from_parent, writable=False)
    import textscan.extract.pdf  # noqa: F401  (what the pre-extractor reads PDFs with)
    from textscan import runner

    try:
        work = inbox.recv_bytes()
    except (EOFError, OSError):  # let go, or the parent has ended
        return
    import pickle

    config, tasks, order = pickle.loads(work)
    reports = Connection(to_parent, readable=False)
    runner._pre_extract_main(reports, config, tasks, _Stop(inbox), order)
