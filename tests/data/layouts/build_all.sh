#!/bin/sh
# Rebuild all six documents (HTML -> PDF with headless Chromium), write the
# truth files and run the checks (page count, text present per page, overflow).
cd "$(dirname "$0")" || exit 1
for n in l01 l02 l03 l04 l05 l06; do python3 $n.py || exit 1; done
rm -rf __pycache__
