__version__ = "0.1.0"
# the annotation pipeline's own version (part of the sentence cache key)
PIPELINE_VERSION = "1"


def pandas_version() -> str:
    """The installed pandas' version without importing pandas (for Parquet metadata)."""
    import sys

    module = sys.modules.get("pandas")
    if module is not None:
        return str(module.__version__)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pandas")
    except PackageNotFoundError:
        return "unknown"
