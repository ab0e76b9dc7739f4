"""textscan: how Dutch municipal safety plans frame safety."""

from textscan._version import __version__

__all__ = ["__version__"]
