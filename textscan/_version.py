import functools

__version__ = "0.1.0"
# the annotation pipeline's own version (part of the sentence cache key)
PIPELINE_VERSION = "1"


def installed_version(distribution: str, module: str, version_file: str) -> str:
    """The installed version of ``distribution`` without importing it or ``importlib.metadata``.

    Many packages state their version in a file beside their modules
    (``version_file`` of the package ``module``, as ``__version__ = "..."``),
    which their package metadata is made from. That file is found without
    importing the package, and read; importing ``importlib.metadata`` and
    searching the path for the metadata instead took 20-50 ms, in a scan
    before its first worker could start. The metadata is asked only when the
    file cannot be read, and "unknown" returned when the package is not
    installed. A package already imported gives its ``__version__``.
    """
    import sys

    imported = sys.modules.get(module)
    if imported is not None and isinstance(getattr(imported, "__version__", None), str):
        return str(imported.__version__)
    import re
    from importlib.util import find_spec
    from pathlib import Path

    try:
        spec = find_spec(module)
        if spec is not None and spec.origin:
            text = Path(spec.origin).with_name(version_file).read_text(encoding="utf-8")
            found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.M)
            if found:
                return found.group(1)
    except (OSError, ImportError, ValueError, UnicodeDecodeError):
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "unknown"


@functools.cache
def pandas_version() -> str:
    """The installed pandas' version without importing pandas (for Parquet metadata).

    Read from the version file a pandas built with Meson (2.1 and later) ships
    beside its modules (see :func:`installed_version`). Kept for the process.
    """
    return installed_version("pandas", "pandas", "_version_meson.py")
