"""``python -m textscan``, and the ``textscan`` command: the CLI, after the spare fork.

A scan forks its spare process (see :mod:`textscan._spare`) before anything
else is imported; every other command goes straight to :func:`textscan.cli.main`.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point."""
    from textscan import _spare

    _spare.fork_for(sys.argv[1:])
    from textscan.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
