"""Imported by the forkserver before it forks workers: load the tokenizer and lemma tables once.

Workers forked from the server start with them in place, instead of each
spending a second or more on them.
"""

from textscan.lemmatizer import get_lemmatizer
from textscan.nlp import get_chunk_tokenizer

get_chunk_tokenizer()
get_lemmatizer()
