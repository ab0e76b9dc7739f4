"""Shared helpers: truth collection, rendering with headless Chromium, checks.

Every document script builds its pages from Python data, and the same walk over
that data produces both the HTML and the ground truth (lNN.truth.json).
Pagination is explicit: every printed page is one fixed-size <div class="page">,
so the page number of every block is known from the data.
"""
import html
import json
import os
import re
import subprocess
import sys

OUT = str(__import__("pathlib").Path(__file__).resolve().parent)
CHROMIUM = "chromium"


def esc(s):
    return html.escape(s, quote=False)


class Truth:
    def __init__(self, name, furniture, toc=None):
        self.name = name
        self.furniture = furniture
        self.toc = toc or []
        self.headings = []
        self.paragraphs = []
        self.section = ""
        self.npages = 0

    def heading(self, text, level, page):
        self.headings.append({"text": text, "level": level, "page": page})
        self.section = text

    def para(self, text, page, kind, **extra):
        d = {"text": text, "page": page, "section": self.section, "kind": kind}
        d.update(extra)
        self.paragraphs.append(d)

    def dump(self):
        d = {
            "file": f"{self.name}.pdf",
            "pages": self.npages,
            "headings": self.headings,
            "paragraphs": self.paragraphs,
            "furniture": self.furniture,
            "toc": self.toc,
        }
        with open(os.path.join(OUT, f"{self.name}.truth.json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=1)
        return d


OVERFLOW_JS = """
<script>
(function(){
  var bad=[];
  document.querySelectorAll('.chk').forEach(function(e,i){
    if(e.scrollHeight>e.clientHeight+1||e.scrollWidth>e.clientWidth+1)
      bad.push((e.dataset.id||('#'+i))+':'+e.scrollWidth+'x'+e.scrollHeight+'>'+e.clientWidth+'x'+e.clientHeight);
  });
  var p=document.createElement('pre'); p.id='ovf'; p.textContent='OVERFLOW['+bad.join(' ')+']';
  document.body.appendChild(p);
})();
</script>
"""


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def overflow_check(name, doc_html):
    """Render a copy with a small script that reports elements whose content
    does not fit their fixed box (class 'chk'); uses --dump-dom."""
    path = os.path.join(OUT, f"_{name}.check.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc_html.replace("</body>", OVERFLOW_JS + "</body>"))
    r = run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--dump-dom", f"file://{path}"])
    os.remove(path)
    m = re.search(r'<pre id="ovf">OVERFLOW\[(.*?)\]</pre>', r.stdout)
    return m.group(1) if m else "CHECK-FAILED"


def render(name, doc_html):
    hpath = os.path.join(OUT, f"{name}.html")
    with open(hpath, "w", encoding="utf-8") as f:
        f.write(doc_html)
    pdf = os.path.join(OUT, f"{name}.pdf")
    r = run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--no-pdf-header-footer", f"--print-to-pdf={pdf}", f"file://{hpath}"])
    if not os.path.exists(pdf):
        print(r.stderr)
        sys.exit(1)
    info = run(["pdfinfo", pdf]).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _norm_page_text(t):
    t = t.replace("\u00ad", "")
    # join words broken at a (soft) hyphen at line end; keep the unjoined
    # text too, so genuine hyphenated compounds still match
    return t + "\n" + re.sub(r"[\u2010-]\s*\n\s*", "", t)


def words(t):
    return re.findall(r"[\w%€]+", t.lower())


def verify(truth, doc_html, furniture_skip=()):
    """Only checks: page count, every word of every truth item present on its
    page, furniture present. Reports, does not change anything."""
    name = truth.name
    pdf = os.path.join(OUT, f"{name}.pdf")
    ovf = overflow_check(name, doc_html)
    info = run(["pdfinfo", pdf]).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    problems = []
    if pages != truth.npages:
        problems.append(f"page count pdf={pages} truth={truth.npages}")
    if ovf:
        problems.append(f"overflow: {ovf}")
    pagetext = {}
    for p in range(1, pages + 1):
        raw = run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"]).stdout
        pagetext[p] = _norm_page_text(raw)
    items = [(h["text"], h["page"]) for h in truth.headings] + \
            [(q["text"], q["page"]) for q in truth.paragraphs]
    seq_ok = 0
    for text, p in items:
        pw = set(words(pagetext.get(p, "")))
        flatp = re.sub(r"\W", "", pagetext.get(p, "").lower())
        # pdftotext itself sometimes de-hyphenates "Ravensloot-\nOost" to
        # "RavenslootOost": accept a word found inside the page's letters
        missing = [w for w in words(text) if w not in pw and w not in flatp]
        if missing:
            problems.append(f"p{p} missing {missing[:5]} in: {text[:60]}")
        flat = re.sub(r"\W", "", pagetext.get(p, "").lower())
        if re.sub(r"\W", "", text.lower()) in flat:
            seq_ok += 1
    for p in range(1, pages + 1):
        if p in furniture_skip:
            continue
        pw = set(words(pagetext[p]))
        for f in truth.furniture:
            miss = [w for w in words(f.format(page=p)) if w not in pw]
            if miss:
                problems.append(f"p{p} furniture {f!r} missing {miss}")
    # layout mode text, as asked: just confirm it is produced
    lay = run(["pdftotext", "-layout", pdf, "-"]).stdout
    print(f"{name}: pages={pages} headings={len(truth.headings)} paragraphs={len(truth.paragraphs)} "
          f"contiguous-in-raw-text={seq_ok}/{len(items)} layout-chars={len(lay)}")
    for pr in problems:
        print("   PROBLEM", pr)
    return problems
