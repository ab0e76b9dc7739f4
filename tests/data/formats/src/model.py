"""Tiny document model shared by all builders; the truth is derived from the same blocks.

Blocks (tuples):
  ("h", level, text)                 heading
  ("p", inline, footnote_or_None)    body paragraph (optional footnote text)
  ("text", inline)                   bare text node / div text (kind body)
  ("div", inline)                    <div> with text, no <p> (kind body)
  ("ul", [inline, ...])              bulleted list (automatic bullets)
  ("ol", [inline, ...])              numbered list (automatic numbers)
  ("tul", [inline, ...])             list with TYPED markers ("•<tab>", "-", ...)
  ("table", [[cell, ...], ...])      first row is the header row
  ("quote", inline)                  quotation
  ("details", summary, [blocks])     <details><summary>
  ("open", tag, attrs) / ("close", tag)   structural wrappers, no text
  ("pagebreak",)
  ("cols", n)                        start a new (continuous) section with n columns (docx)

Inline = str | list of segments: str, ("b", s), ("i", s), ("a", s, href), ("br",)
"""

def H(level, text): return ("h", level, text)
def P(x, fn=None): return ("p", x, fn)
def TEXT(x): return ("text", x)
def DIV(x): return ("div", x)
def UL(*items): return ("ul", list(items))
def OL(*items): return ("ol", list(items))
def TUL(*items): return ("tul", list(items))
def TABLE(*rows): return ("table", [list(r) for r in rows])
def Q(x): return ("quote", x)
def DETAILS(summary, *blocks): return ("details", summary, list(blocks))
def OPEN(tag, attrs=""): return ("open", tag, attrs)
def CLOSE(tag): return ("close", tag)
BR = ("br",)


def segs(x):
    return [x] if isinstance(x, str) else list(x)


def inline_text(x):
    out = []
    for s in segs(x):
        if isinstance(s, str):
            out.append(s)
        elif s[0] == "br":
            out.append("\n")
        else:
            out.append(s[1])
    return "".join(out)


def build_truth(fname, blocks, not_content, toc=None):
    headings, paras, footnotes = [], [], []
    state = {"section": ""}

    def add(text, kind):
        paras.append({"text": text, "section": state["section"], "kind": kind})

    def walk(bs):
        for b in bs:
            t = b[0]
            if t == "h":
                headings.append({"text": b[2], "level": b[1]})
                state["section"] = b[2]
            elif t == "p":
                add(inline_text(b[1]), "body")
                if b[2]:
                    footnotes.append({"text": b[2], "section": state["section"], "kind": "footnote"})
            elif t in ("text", "div"):
                add(inline_text(b[1]), "body")
            elif t in ("ul", "ol", "tul"):
                for it in b[1]:
                    add(inline_text(it), "list_item")
            elif t == "table":
                for row in b[1]:
                    add(" | ".join(row), "table_row")
            elif t == "quote":
                add(inline_text(b[1]), "quote")
            elif t == "details":
                add(inline_text(b[1]), "body")
                walk(b[2])
            elif t in ("open", "close", "pagebreak", "cols"):
                pass
            else:
                raise ValueError(t)
    walk(blocks)
    # convention: footnotes are listed after all body content (where Word/HTML put them physically)
    paras.extend(footnotes)
    return {"file": fname, "headings": headings, "paragraphs": paras,
            "not_content": list(not_content), "toc": list(toc or [])}
