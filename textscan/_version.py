__version__ = "0.1.0"
# the annotation pipeline's own version (part of the sentence cache key)
PIPELINE_VERSION = "1"
