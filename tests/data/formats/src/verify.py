# -*- coding: utf-8 -*-
"""Check that every truth file agrees with its document (independent re-reading of the files)."""
import json, re, sys, zipfile
import docx
from bs4 import BeautifulSoup, Comment

D = str(__import__("pathlib").Path(__file__).resolve().parents[1])
ok = True


def fail(msg):
    global ok
    ok = False
    print("  FAIL:", msg)


def nows(s):
    return re.sub(r"\s+", "", s)


def ordered_consume(stream, texts, label):
    """Find texts in order in stream (whitespace removed); return leftover stream text."""
    pos, left = 0, []
    for t in texts:
        k = stream.find(nows(t), pos)
        if k < 0:
            fail(f"{label}: not found in order: {t[:70]!r}")
            continue
        left.append(stream[pos:k])
        pos = k + len(nows(t))
    left.append(stream[pos:])
    return "".join(left)


def truth(name):
    return json.load(open(f"{D}/{name}.truth.json", encoding="utf-8"))


# ------------------------------------------------------------------ DOCX
def docx_body(doc):
    """(kind, text, paragraph) in body order; table rows joined with ' | '."""
    out = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            p = docx.text.paragraph.Paragraph(el, doc)
            out.append(("p", p.text, p))
        elif tag == "tbl":
            t = docx.table.Table(el, doc)
            for r in t.rows:
                out.append(("row", " | ".join(c.text for c in r.cells), None))
    return out


def check_docx(name, styled):
    print(name)
    T = truth(name)
    doc = docx.Document(f"{D}/{name}.docx")
    items = [x for x in docx_body(doc) if x[1].strip()]
    toc = T["toc"]
    if toc:
        assert items[0][1] in T["not_content"]
        got_toc = [x[1] for x in items[1:1 + len(toc)]]
        if got_toc != toc:
            fail("toc differs")
        items = items[1 + len(toc):]
    exp = []
    for h in T["headings"]:
        pass
    # rebuild expected sequence: headings interleaved with paragraphs via truth order
    seq = []
    hi = 0
    heads = T["headings"]
    body = [p for p in T["paragraphs"] if p["kind"] != "footnote"]
    # walk document items and match
    bi = 0
    for kind, text, p in items:
        if p is not None and p.text and hi < len(heads) and text == heads[hi]["text"] and \
                (bi >= len(body) or text != body[bi]["text"]):
            lvl = heads[hi]["level"]
            if styled:
                if p.style.name != f"Heading {lvl}":
                    fail(f"heading style {p.style.name} for {text}")
            else:
                r = p.runs[0]
                if p.style.name != "Normal" or not r.bold:
                    fail(f"fake heading not Normal+bold: {text}")
            hi += 1
            continue
        if bi >= len(body):
            fail(f"extra doc text: {text!r}"); continue
        exp = body[bi]
        t2 = text
        if exp["kind"] == "list_item" and t2.startswith("•\t"):
            t2 = t2[2:]
        if t2 != exp["text"]:
            fail(f"mismatch: doc {t2!r} vs truth {exp['text']!r}")
        if exp["kind"] == "list_item" and p is not None and not text.startswith("•\t") and \
                not p.style.name.startswith("List"):
            fail(f"list item without list style: {text}")
        if exp["kind"] == "table_row" and kind != "row":
            fail(f"table row kind: {text}")
        if exp["kind"] == "quote" and not all(r.italic for r in p.runs if r.text):
            fail("quote not italic")
        bi += 1
    if hi != len(heads) or bi != len(body):
        fail(f"not all truth consumed: headings {hi}/{len(heads)} paras {bi}/{len(body)}")
    # footnotes
    fn_truth = [p["text"] for p in T["paragraphs"] if p["kind"] == "footnote"]
    z = zipfile.ZipFile(f"{D}/{name}.docx")
    if fn_truth:
        x = z.read("word/footnotes.xml").decode()
        for f in fn_truth:
            if f not in x:
                fail("footnote missing")
        if "footnoteReference" not in z.read("word/document.xml").decode():
            fail("no footnote reference")
    # header / footer
    s0 = doc.sections[0]
    hf = [p.text for p in s0.header.paragraphs if p.text] + [p.text for p in s0.footer.paragraphs if p.text]
    for h in hf:
        if h not in T["not_content"]:
            fail(f"header/footer text not in not_content: {h!r}")
    print(f"  {len(heads)} headings, {len(body)} body items, {len(fn_truth)} footnotes, header/footer {hf}")


# ------------------------------------------------------------------ HTML
def visible_stream(node):
    for c in node.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for s in node.find_all(["script", "style", "title"]):
        s.extract()
    return nows(node.get_text(""))


def check_html(name, content_sel, encoding="utf-8", allowed_left=""):
    print(name)
    T = truth(name)
    raw = open(f"{D}/{name}.html", "rb").read()
    text = raw.decode(encoding)
    for parser in ("html.parser", "lxml"):
        soup = BeautifulSoup(text, parser)
        title = soup.title.get_text() if soup.title else None
        area = soup.select_one(content_sel)
        seq = []
        hi = 0
        # headings found in area
        hs = [(int(h.name[1]), h.get_text(" ", strip=True)) for h in area.find_all(re.compile("^h[1-6]$"))]
        if hs and [ (h["level"], h["text"]) for h in T["headings"]] != hs:
            fail(f"{parser}: <hN> headings differ: {hs[:3]}")
        # paragraphs + headings in order; footnotes at end
        order = []
        for h in T["headings"]:
            pass
        stream = visible_stream(area)
        texts = [h["text"] for h in T["headings"]] + [p["text"] for p in T["paragraphs"]]
        # interleave headings and paragraphs in reading order using 'section'
        hlist = [h["text"] for h in T["headings"]]
        assert len(set(hlist)) == len(hlist), "heading texts must be unique"
        merged, hi, cur = [], 0, ""
        for p in T["paragraphs"]:
            if p["section"] != cur and p["kind"] != "footnote":
                while hi < len(hlist):
                    merged.append(hlist[hi]); hi += 1
                    if merged[-1] == p["section"]:
                        break
                cur = p["section"]
            merged.append(p["text"].replace(" | ", "") if p["kind"] == "table_row" else p["text"])
        merged += hlist[hi:]
        left = ordered_consume(stream, merged, f"{parser}")
        left = left.replace("\xa0", "")
        for ch in allowed_left.split():
            left = left.replace(ch, "")
        if left:
            fail(f"{parser}: content-area text not in truth: {left[:200]!r}")
        # not_content: present in document, absent from content area
        full = visible_stream(BeautifulSoup(text, parser))
        for nc in T["not_content"]:
            if nc == title:
                continue
            if nows(nc) not in full:
                fail(f"{parser}: not_content not in page: {nc!r}")
        if title and title not in T["not_content"]:
            fail("title not in not_content")
    print(f"  {len(T['headings'])} headings, {len(T['paragraphs'])} paragraphs, {len(T['not_content'])} not_content")


check_docx("f01", True)
check_docx("f02", False)
check_docx("f03", True)
check_html("f04", "main")
check_html("f05", "body", "cp1252", allowed_left="· 1. 2. 3. - [1]")
check_html("f06", "article.plan")
print("ALL OK" if ok else "PROBLEMS")
sys.exit(0 if ok else 1)
