# -*- coding: utf-8 -*-
"""Build the six test documents and their truth files from content.py.
Run: python src/build.py (with python-docx installed)
"""
import html
import json
import os
import textwrap
from xml.sax.saxutils import escape as xesc

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

import content as C
from model import build_truth, inline_text, segs

OUT = str(__import__("pathlib").Path(__file__).resolve().parents[1])


def write_truth(name, truth):
    with open(os.path.join(OUT, name + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=2)
        f.write("\n")


# =====================================================================  DOCX helpers
def set_dutch(doc, title, author):
    st = doc.styles.element
    rpr = st.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "nl-NL")
    for el in st.iter(qn("w:lang")):
        el.set(qn("w:val"), "nl-NL")
    cp = doc.core_properties
    cp.title, cp.author, cp.language = title, author, "nl-NL"
    cp.last_modified_by = author


def add_inline(par, x, italic=False):
    for s in segs(x):
        if isinstance(s, str):
            r = par.add_run(s)
            r.italic = italic or None
        elif s[0] == "br":
            par.add_run().add_break(WD_BREAK.LINE)  # shift-enter: <w:br/>
        elif s[0] == "b":
            r = par.add_run(s[1]); r.bold = True; r.italic = italic or None
        elif s[0] == "i":
            r = par.add_run(s[1]); r.italic = True
        elif s[0] == "a":
            r = par.add_run(s[1]); r.underline = True
        else:
            raise ValueError(s)


def add_field(par, instr, cached):
    def fld(kind):
        r = par.add_run()
        e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind); r._r.append(e)
    fld("begin")
    r = par.add_run()
    it = OxmlElement("w:instrText"); it.set(qn("xml:space"), "preserve"); it.text = f" {instr} "
    r._r.append(it)
    fld("separate")
    par.add_run(cached)          # cached field result, Word recalculates it
    fld("end")


def fill_hf(par, parts):
    """parts: list of literal strings and field names PAGE / NUMPAGES; returns the cached plain text."""
    text = ""
    for p in parts:
        if p in ("PAGE", "NUMPAGES"):
            add_field(par, p, "1"); text += "1"
        else:
            par.add_run(p); text += p
    return text


def set_header_footer(doc, header, footer):
    sec = doc.sections[0]
    not_content = []
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = header
        not_content.append(header)
    if footer:
        fp = sec.footer.paragraphs[0]
        not_content.append(fill_hf(fp, footer))
    return not_content


def add_table(doc, rows):
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            p = t.cell(i, j).paragraphs[0]
            r = p.add_run(cell)
            if i == 0:
                r.bold = True
    trPr = t.rows[0]._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader"); trPr.append(h)   # repeat header row
    return t


class Footnotes:
    CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def __init__(self):
        self.notes = []

    def ref(self, par, text):
        fid = len(self.notes) + 1
        self.notes.append((fid, text))
        r = par.add_run()
        rPr = r._r.get_or_add_rPr()
        va = OxmlElement("w:vertAlign"); va.set(qn("w:val"), "superscript"); rPr.append(va)
        e = OxmlElement("w:footnoteReference"); e.set(qn("w:id"), str(fid)); r._r.append(e)

    def attach(self, doc):
        if not self.notes:
            return
        sep = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
               'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
        body = "".join(
            f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {xesc(t)}</w:t></w:r></w:p></w:footnote>'
            for fid, t in self.notes)
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<w:footnotes xmlns:w="{self.W}">{sep}{body}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), self.CT, xml.encode("utf-8"), doc.part.package)
        doc.part.relate_to(part, RT.FOOTNOTES)


def set_cols(section, n):
    sectPr = section._sectPr
    cols = sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        grid = sectPr.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(cols)
        else:
            sectPr.append(cols)
    cols.set(qn("w:num"), str(n))
    cols.set(qn("w:space"), "708")


def docx_blocks(doc, blocks, styled, fns):
    for b in blocks:
        t = b[0]
        if t == "h":
            lvl, text = b[1], b[2]
            if styled:
                doc.add_heading(text, lvl)          # built-in "Heading N" (shown as "Kop N" in Dutch Word)
            else:                                   # fake heading: Normal style, bold + bigger font
                p = doc.add_paragraph()
                r = p.add_run(text)
                r.bold = True
                r.italic = lvl >= 3 or None
                r.font.size = Pt({1: 16, 2: 13, 3: 11}[lvl])
                p.paragraph_format.space_before = Pt({1: 18, 2: 12, 3: 10}[lvl])
                p.paragraph_format.space_after = Pt(6)
                p.paragraph_format.keep_with_next = True
        elif t == "p":
            p = doc.add_paragraph()
            add_inline(p, b[1])
            if b[2]:
                fns.ref(p, b[2])
        elif t == "ul":
            for it in b[1]:
                add_inline(doc.add_paragraph(style="List Bullet"), it)
        elif t == "ol":
            for it in b[1]:
                add_inline(doc.add_paragraph(style="List Number"), it)
        elif t == "tul":                            # typed bullet + tab, hanging indent
            for it in b[1]:
                p = doc.add_paragraph()
                pf = p.paragraph_format
                pf.left_indent = Cm(1.0); pf.first_line_indent = Cm(-0.5)
                pf.tab_stops.add_tab_stop(Cm(1.0))
                pf.space_after = Pt(0)
                p.add_run("•\t")
                add_inline(p, it)
        elif t == "table":
            add_table(doc, b[1])
            doc.add_paragraph()                     # empty spacer paragraph, as people do
        elif t == "quote":
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = Cm(1.25)
            p.paragraph_format.right_indent = Cm(1.25)
            add_inline(p, b[1], italic=True)
        elif t == "cols":
            sec = doc.add_section(WD_SECTION.CONTINUOUS)
            set_cols(sec, b[1])
        elif t == "pagebreak":
            doc.add_page_break()
        else:
            raise ValueError(t)


def build_docx(name, spec, styled, author):
    doc = docx.Document()
    set_dutch(doc, spec["title"], author)
    nc = set_header_footer(doc, spec.get("header"), spec.get("footer"))
    toc = spec.get("toc")
    if toc:
        p = doc.add_paragraph()
        r = p.add_run(spec["toc_label"]); r.bold = True; r.font.size = Pt(14)
        nc.append(spec["toc_label"])
        for line in toc:
            p = doc.add_paragraph(line)
            p.paragraph_format.space_after = Pt(0)
        doc.add_page_break()
    fns = Footnotes()
    docx_blocks(doc, spec["blocks"], styled, fns)
    fns.attach(doc)
    doc.save(os.path.join(OUT, name + ".docx"))
    write_truth(name, build_truth(name + ".docx", spec["blocks"], nc, toc))


# =====================================================================  HTML helpers
def hesc(s):
    return html.escape(s, quote=False).replace("\u00a0", "&nbsp;")


def inline_html(x):
    out = []
    for s in segs(x):
        if isinstance(s, str):
            out.append(hesc(s))
        elif s[0] == "br":
            out.append("<br>")
        elif s[0] == "b":
            out.append(f"<strong>{hesc(s[1])}</strong>")
        elif s[0] == "i":
            out.append(f"<em>{hesc(s[1])}</em>")
        elif s[0] == "a":
            out.append(f'<a href="{html.escape(s[2])}">{hesc(s[1])}</a>')
    return "".join(out)


def semantic_html(blocks, depth, wrap):
    lines = []

    def emit(s, d):
        pad = "  " * d
        if wrap and len(pad + s) > 90:
            lines.extend(textwrap.wrap(s, 90, initial_indent=pad, subsequent_indent=pad + "  ",
                                       break_long_words=False, break_on_hyphens=False))
        else:
            lines.append(pad + s)

    def walk(bs, d):
        for b in bs:
            t = b[0]
            if t == "h":
                emit(f"<h{b[1]}>{hesc(b[2])}</h{b[1]}>", d)
            elif t == "p":
                emit(f"<p>{inline_html(b[1])}</p>", d)
            elif t == "text":
                emit(inline_html(b[1]), d)
            elif t == "div":
                emit(f"<div>{inline_html(b[1])}</div>", d)
            elif t in ("ul", "ol"):
                emit(f"<{t}>", d)
                for it in b[1]:
                    emit(f"<li>{inline_html(it)}</li>", d + 1)
                emit(f"</{t}>", d)
            elif t == "table":
                emit("<table>", d)
                emit("<thead>", d + 1)
                emit("<tr>" + "".join(f"<th>{hesc(c)}</th>" for c in b[1][0]) + "</tr>", d + 2)
                emit("</thead>", d + 1)
                emit("<tbody>", d + 1)
                for row in b[1][1:]:
                    emit("<tr>" + "".join(f"<td>{hesc(c)}</td>" for c in row) + "</tr>", d + 2)
                emit("</tbody>", d + 1)
                emit("</table>", d)
            elif t == "quote":
                emit(f"<blockquote><p>{inline_html(b[1])}</p></blockquote>", d)
            elif t == "details":
                emit("<details>", d)
                emit(f"<summary>{inline_html(b[1])}</summary>", d + 1)
                walk(b[2], d + 1)
                emit("</details>", d)
            elif t == "open":
                emit(f"<{b[1]}{b[2]}>", d)
                d += 1
            elif t == "close":
                d -= 1
                emit(f"</{b[1]}>", d)
            else:
                raise ValueError(t)
    walk(blocks, depth)
    return "\n".join(lines)


def build_f04():
    s = C.F04
    nc = [s["page_title"], s["skip_link"], s["logo"]] + [m[0] for m in s["menu"]] + s["breadcrumb"] + \
         [s["search_label"], "Zoeken", s["aside_title"]] + [a[0] for a in s["aside_links"]] + \
         s["footer_lines"] + [s["cookie_text"]] + s["cookie_buttons"]
    menu = "\n".join(f'          <li><a href="{h}">{hesc(t)}</a></li>' for t, h in s["menu"])
    crumbs = "\n".join(f'          <li><a href="#">{hesc(t)}</a></li>' for t in s["breadcrumb"][:-1]) + \
        f'\n          <li aria-current="page">{hesc(s["breadcrumb"][-1])}</li>'
    aside = "\n".join(f'        <li><a href="{h}">{hesc(t)}</a></li>' for t, h in s["aside_links"])
    foot = "\n".join(f"        {hesc(l)}<br>" for l in s["footer_lines"])
    btns = " ".join(f'<button type="button">{hesc(b)}</button>' for b in s["cookie_buttons"])
    main = semantic_html(s["blocks"], 3, wrap=False)
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{hesc(s["page_title"])}</title>
  <style>
    body {{ font-family: "Open Sans", Arial, sans-serif; margin: 0; }}
    .layout {{ display: flex; gap: 2rem; max-width: 70rem; margin: 0 auto; }}
    main {{ flex: 3; }} aside {{ flex: 1; background: #eef3f8; padding: 1rem; }}
    .skiplink {{ position: absolute; left: -999px; }}
    table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #999; padding: .3rem .6rem; }}
  </style>
  <script>
    window.dataLayer = window.dataLayer || [];
    function acceptCookies() {{ document.cookie = "consent=yes; path=/"; }}
  </script>
</head>
<body>
  <a class="skiplink" href="#content">{hesc(s["skip_link"])}</a>
  <header class="site-header">
    <div class="logo"><a href="/">{hesc(s["logo"])}</a></div>
    <nav aria-label="Hoofdmenu">
      <ul>
{menu}
      </ul>
    </nav>
    <form class="search" role="search" action="/zoeken">
      <label for="q">{hesc(s["search_label"])}</label>
      <input id="q" name="q" type="search">
      <button type="submit">Zoeken</button>
    </form>
    <nav aria-label="Kruimelpad" class="breadcrumb">
      <ol>
{crumbs}
      </ol>
    </nav>
  </header>
  <div class="layout">
    <main id="content">
{main}
    </main>
    <aside class="related" aria-labelledby="related-title">
      <h2 id="related-title">{hesc(s["aside_title"])}</h2>
      <ul>
{aside}
      </ul>
    </aside>
  </div>
  <footer class="site-footer">
    <address>
{foot}
    </address>
    <div class="cookie-notice" role="dialog">
      <p>{hesc(s["cookie_text"])}</p>
      {btns}
    </div>
  </footer>
</body>
</html>
"""
    with open(os.path.join(OUT, "f04.html"), "w", encoding="utf-8") as f:
        f.write(page)
    write_truth("f04", build_truth("f04.html", s["blocks"], nc))


def build_f06():
    s = C.F06
    nc = [s["page_title"], s["site_name"]] + [m[0] for m in s["menu"]] + s["footer_items"]
    menu = " ".join(f'<a href="{h}">{hesc(t)}</a>' for t, h in s["menu"])
    body = semantic_html(s["blocks"], 1, wrap=True)
    fi = s["footer_items"]
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{hesc(s["page_title"])}</title>
</head>
<body>
  <header><a class="brand" href="/">{hesc(s["site_name"])}</a>
    <nav>{menu}</nav>
  </header>
{body}
  <footer>
    <span>{hesc(fi[0])}</span> · <a href="/privacy">{hesc(fi[1])}</a> · <a href="/toegankelijkheid">{hesc(fi[2])}</a>
  </footer>
</body>
</html>
"""
    with open(os.path.join(OUT, "f06.html"), "w", encoding="utf-8") as f:
        f.write(page)
    write_truth("f06", build_truth("f06.html", s["blocks"], nc))


# ---------------------------------------------------------------- f05: Word "save as web page" imitation
WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="Veiligheidsplan%20Maasterp_files/filelist.xml">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>{author}</o:Author>
  <o:LastAuthor>{author}</o:LastAuthor>
  <o:Revision>7</o:Revision>
  <o:TotalTime>184</o:TotalTime>
  <o:Created>2023-10-02T08:14:00Z</o:Created>
  <o:LastSaved>2023-11-20T15:41:00Z</o:LastSaved>
  <o:Pages>6</o:Pages>
  <o:Company>Gemeente Maasterp</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:Zoom>110</w:Zoom>
  <w:HyphenationZone>21</w:HyphenationZone>
  <w:LidThemeOther>NL</w:LidThemeOther>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin-top:0cm;
	margin-right:0cm;
	margin-bottom:8.0pt;
	margin-left:0cm;
	line-height:107%;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-fareast-language:EN-US;}}
p.MsoHeading1
	{{mso-style-name:"Kop 1";
	margin-top:12.0pt;
	margin-bottom:6.0pt;
	page-break-after:avoid;
	font-size:16.0pt;
	font-family:"Calibri Light",sans-serif;
	color:#2F5496;
	font-weight:bold;}}
p.MsoFootnoteText
	{{margin:0cm;
	font-size:10.0pt;
	font-family:"Calibri",sans-serif;}}
span.MsoFootnoteReference
	{{vertical-align:super;}}
p.MsoListParagraphCxSpFirst, p.MsoListParagraphCxSpMiddle, p.MsoListParagraphCxSpLast, p.MsoListParagraph
	{{margin-left:36.0pt;
	mso-add-space:auto;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;}}
.MsoTableGrid
	{{border:solid windowtext 1.0pt;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:70.85pt 70.85pt 70.85pt 70.85pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>

<body lang=NL style='tab-interval:35.4pt;word-wrap:break-word'>

<div class=WordSection1>
"""

EMPTY_P = "<p class=MsoNormal><span lang=NL><o:p>&nbsp;</o:p></span></p>"


def word_inline(x):
    out = []
    for s in segs(x):
        if isinstance(s, str):
            out.append(hesc(s))
        elif s[0] == "br":
            out.append("<br>")
        elif s[0] == "b":
            out.append(f"<b>{hesc(s[1])}</b>")
        elif s[0] == "i":
            out.append(f"<i>{hesc(s[1])}</i>")
        elif s[0] == "a":
            out.append(f'<a href="{html.escape(s[2])}">{hesc(s[1])}</a>')
    return "".join(out)


def word_fnref(n):
    return (f"<a style='mso-footnote-id:ftn{n}' href=\"#_ftn{n}\" name=\"_ftnref{n}\" title=\"\"><span "
            f"class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>"
            f"<span class=MsoFootnoteReference><span style='font-size:11.0pt;line-height:107%;font-family:"
            f"\"Calibri\",sans-serif'>[{n}]</span></span><![endif]></span></span></a>")


def word_list(items, marker_fn, symbol):
    out = []
    n = len(items)
    for i, it in enumerate(items):
        cls = "MsoListParagraph" if n == 1 else (
            "MsoListParagraphCxSpFirst" if i == 0 else "MsoListParagraphCxSpLast" if i == n - 1
            else "MsoListParagraphCxSpMiddle")
        font = ("style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'"
                if symbol else "")
        out.append(
            f"<p class={cls} style='text-indent:-18.0pt;mso-list:l{1 if symbol else 2} level1 lfo{1 if symbol else 2}'>"
            f"<![if !supportLists]><span lang=NL {font}><span style='mso-list:Ignore'>{marker_fn(i)}"
            f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
            f"</span><![endif]><span lang=NL>{word_inline(it)}<o:p></o:p></span></p>")
    return out


def build_f05():
    s = C.F05
    out = []
    fns = []
    toc_n = [0]
    for b in s["blocks"]:
        t = b[0]
        if t == "h":
            lvl, text = b[1], b[2]
            if lvl == 1:
                toc_n[0] += 1
                out.append(EMPTY_P)
                out.append(f"<p class=MsoHeading1><a name=\"_Toc1498{toc_n[0]:02d}\"></a><span lang=NL>"
                           f"{hesc(text)}<o:p></o:p></span></p>")
            elif lvl == 2:
                out.append(f"<p class=MsoNormal style='margin-top:12.0pt'><b><span lang=NL "
                           f"style='font-size:13.0pt;line-height:107%'>{hesc(text)}<o:p></o:p></span></b></p>")
            else:
                out.append(f"<p class=MsoNormal style='margin-top:6.0pt'><b><i><span lang=NL "
                           f"style='font-size:11.0pt;line-height:107%'>{hesc(text)}<o:p></o:p></span></i></b></p>")
        elif t == "p":
            ref = ""
            if b[2]:
                fns.append(b[2]); ref = word_fnref(len(fns))
            out.append(f"<p class=MsoNormal><span lang=NL>{word_inline(b[1])}</span>{ref}"
                       f"<span lang=NL><o:p></o:p></span></p>")
        elif t == "ul":
            out += word_list(b[1], lambda i: "·", True)
        elif t == "ol":
            out += word_list(b[1], lambda i: f"{i + 1}.", False)
        elif t == "tul":      # typed dashes, plain paragraphs
            out += [f"<p class=MsoNormal style='margin-bottom:0cm'><span lang=NL>- {word_inline(it)}"
                    f"<o:p></o:p></span></p>" for it in b[1]]
            out.append(EMPTY_P)
        elif t == "table":
            out.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 "
                       "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
                       "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
            for i, row in enumerate(b[1]):
                out.append(f" <tr style='mso-yfti-irow:{i}{';mso-yfti-firstrow:yes' if i == 0 else ''}'>")
                for j, c in enumerate(row):
                    w = 302 if j == 0 else 151
                    cell = f"<b><span lang=NL>{hesc(c)}<o:p></o:p></span></b>" if i == 0 else \
                        f"<span lang=NL>{hesc(c)}<o:p></o:p></span>"
                    out.append(f"  <td width={w} valign=top style='width:{w * 0.75:.2f}pt;border:solid windowtext "
                               f"1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>")
                    out.append(f"  <p class=MsoNormal style='margin-bottom:0cm;line-height:normal'>{cell}</p>")
                    out.append("  </td>")
                out.append(" </tr>")
            out.append("</table>")
            out.append(EMPTY_P)
        else:
            raise ValueError(t)
    out.append("</div>")
    if fns:
        out.append("<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>")
        out.append("<hr align=left size=1 width=\"33%\">")
        out.append("<![endif]>")
        for n, ftxt in enumerate(fns, 1):
            out.append(f"<div style='mso-element:footnote' id=ftn{n}>")
            out.append(f"<p class=MsoFootnoteText><a style='mso-footnote-id:ftn{n}' href=\"#_ftnref{n}\" "
                       f"name=\"_ftn{n}\" title=\"\"><span class=MsoFootnoteReference><span lang=NL><span "
                       f"style='mso-special-character:footnote'><![if !supportFootnotes]><span "
                       f"class=MsoFootnoteReference><span style='font-size:10.0pt;line-height:107%'>[{n}]</span>"
                       f"</span><![endif]></span></span></span></a><span lang=NL> {hesc(ftxt)}<o:p></o:p></span></p>")
            out.append("</div>")
        out.append("</div>")
    # Word wraps its HTML source at roughly 76 columns, in text and inside tags
    body = []
    for line in out:
        body.extend(textwrap.wrap(line, 76, break_long_words=False, break_on_hyphens=False) or [""])
        body.append("")
    page = WORD_HEAD.format(title=hesc(s["page_title"]), author=hesc(s["author"])) + "\n".join(body) + \
        "\n</body>\n\n</html>\n"
    data = page.replace("\n", "\r\n").encode("cp1252")   # strict: fails on any non-cp1252 character
    with open(os.path.join(OUT, "f05.html"), "wb") as f:
        f.write(data)
    write_truth("f05", build_truth("f05.html", s["blocks"], [s["page_title"]]))


if __name__ == "__main__":
    build_docx("f01", C.F01, styled=True, author="Team OOV Wendeloo")
    build_docx("f02", C.F02, styled=False, author="Gemeente Haverdam")
    build_docx("f03", C.F03, styled=True, author="Gemeente Lindeveen")
    build_f04()
    build_f05()
    build_f06()
    print("ok")
