import functools

__version__ = "0.1.0"
# the annotation pipeline's own version (part of the sentence cache key)
PIPELINE_VERSION = "1"


@functools.cache
def pandas_version() -> str:
    """The installed pandas' version without importing pandas (for Parquet metadata).

    Read from the version file a pandas built with Meson (2.1 and later) ships
    beside its modules, found without importing pandas; else from the package
    metadata (importing ``importlib.metadata`` and searching the path: some
    50 ms). Kept for the process.
    """
    import sys

    module = sys.modules.get("pandas")
    if module is not None:
        return str(module.__version__)
    import re
    from importlib.util import find_spec
    from pathlib import Path

    try:
        spec = find_spec("pandas")
        if spec is not None and spec.origin:
            text = Path(spec.origin).with_name("_version_meson.py").read_text(encoding="utf-8")
            found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.M)
            if found:
                return found.group(1)
    except (OSError, ImportError, ValueError):
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pandas")
    except PackageNotFoundError:
        return "unknown"
