"""Imported by the forkserver before it forks workers: load spaCy and the lemma tables once.

Workers forked from the server start with the Dutch pipeline already built,
instead of each spending a second or more on it.
"""

from textscan.nlp import get_nlp

get_nlp()
