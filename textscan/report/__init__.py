"""Reports: the framing diagnosis of one plan and the corpus report (HTML, optional PDF)."""
