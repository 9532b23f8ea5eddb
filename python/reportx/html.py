"""Looking rather than reading: the document as HTML with what was found highlighted.

``to_html(doc)`` renders the whole text (whitespace kept) as one self-contained page,
in the manner of spaCy's displaCy: every statement, metric phrase, topic mention and
action is a ``<mark>`` with ``data-type``, ``data-id`` and a ``data-label`` shown
next to it by CSS (so a mark's text content is exactly the document's text). Marks
nest; where two spans cross, the one opened earlier is split into several marks that
share a ``data-id``. All text is HTML-escaped. A small script fills in a legend with
the counts when the page is opened.

``summary_html(doc)`` is the notebook view (``Document._repr_html_``): metadata,
counts and the first statements.
"""

from __future__ import annotations

import html as _html
import json
from typing import TYPE_CHECKING, Any, List, Optional, Sequence, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

_PRIORITY = {"action": 0, "topic": 1, "metric": 2, "statement": 3}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em auto;
max-width:60em;color:#222;line-height:2.4}
header h1{font-size:1.4em;line-height:1.3;margin:0}
header p{margin:.2em 0;color:#555;line-height:1.4}
#rx-legend{line-height:1.6;margin:.8em 0}
#rx-legend span{display:inline-block;margin-right:1em;padding:0 .4em;border-radius:.3em}
.rx-text{white-space:pre-wrap;word-wrap:break-word}
mark{background:none;color:inherit;padding:.1em .15em;border-radius:.35em}
mark[data-type=statement]{background:#ffe08a}
mark[data-type=statement][data-kind=target]{background:#9be7a0}
mark[data-type=statement][data-kind=outcome]{background:#a6d4ff}
mark[data-type=metric]{background:#f6c1e0}
mark[data-type=topic]{background:#d7c8ff}
mark[data-type=action]{background:none;border-bottom:2px solid #e6862e;border-radius:0}
mark[data-label]::after{content:attr(data-label);font-size:.62em;font-weight:600;text-transform:uppercase;
margin-left:.35em;vertical-align:middle;color:#333;background:rgba(255,255,255,.7);padding:0 .25em;border-radius:.2em}
mark.rx-cont::after{content:none}
"""

_JS = """
(function(){
  var counts={}, marks=document.querySelectorAll('mark[data-type]'), seen={};
  for(var i=0;i<marks.length;i++){var m=marks[i],k=m.dataset.type+'#'+m.dataset.id;
    if(seen[k])continue;seen[k]=1;counts[m.dataset.type]=(counts[m.dataset.type]||0)+1;}
  var legend=document.getElementById('rx-legend');
  ['statement','metric','topic','action'].forEach(function(t){
    var s=document.createElement('span');s.className='rx-count';s.dataset.type=t;
    s.dataset.count=counts[t]||0;s.textContent=t+'s: '+(counts[t]||0);legend.appendChild(s);});
  document.body.dataset.rendered='1';
})();
"""


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.12g}"
    return str(v)


def _statement_label(s: Any) -> str:
    parts = [s.kind]
    if s.metric_id:
        parts.append(s.metric_id)
    if s.bound == "range" and s.low is not None and s.high is not None:
        parts.append(f"{_fmt(s.low)}–{_fmt(s.high)}")
    elif s.value is not None:
        parts.append(("≈" if s.bound == "approx" else "≥" if s.bound == "min" else "≤" if s.bound == "max" else "")
                     + _fmt(s.value))
    if s.unit:
        parts.append(s.unit)
    if s.period is not None:
        parts.append(str(s.period) + (f"–{s.period_end}" if s.period_end is not None else ""))
    return " ".join(parts)


def spans(doc: "Document") -> List[Tuple[int, int, str, str, dict]]:
    """What to highlight: (start, end, type, id, attributes), in code points."""
    out: List[Tuple[int, int, str, str, dict]] = []
    for s in doc.statements:
        out.append((s.start, s.end, "statement", f"s{s.id}",
                    {"data-kind": s.kind, "data-label": _statement_label(s), "title": s.text}))
        if s.metric_start is not None and s.metric_end is not None and s.metric_end > s.metric_start:
            out.append((s.metric_start, s.metric_end, "metric", f"m{s.id}",
                        {"data-label": s.metric_id or "metric", "title": s.metric or ""}))
    for i, t in enumerate(doc.topics):
        out.append((t.start, t.end, "topic", f"t{i}", {"data-label": t.id, "title": t.label}))
    for i, a in enumerate(doc.actions):
        label = a.verb + (f" ({a.intensity:g})" if a.intensity else "")
        out.append((a.start, a.end, "action", f"a{i}", {"data-label": label,
                                                          "title": " ".join(list(a.modifiers) + [a.verb])}))
    return [x for x in out if 0 <= x[0] < x[1] <= len(doc.text)]


def _open(sp: Tuple[int, int, str, str, dict], cont: bool) -> str:
    start, end, typ, ident, attrs = sp
    a = [f'data-type="{typ}"', f'data-id="{ident}"']
    for k, v in attrs.items():
        a.append(f'{k}="{_html.escape(str(v), quote=True)}"')
    if cont:
        a.append('class="rx-cont"')
    return "<mark " + " ".join(a) + ">"


def render_text(text: str, items: Sequence[Tuple[int, int, str, str, dict]]) -> str:
    """``text`` as escaped HTML with ``items`` as properly nested ``<mark>`` tags.

    >>> render_text("a <b> c", [(2, 5, "topic", "t0", {})])
    'a <mark data-type="topic" data-id="t0">&lt;b&gt;</mark> c'
    """
    order = sorted(items, key=lambda x: (x[0], -x[1], _PRIORITY.get(x[2], 9)))
    bounds = sorted({0, len(text)} | {x[0] for x in order} | {x[1] for x in order})
    out: List[str] = []
    stack: List[Tuple[int, int, str, str, dict]] = []  # ends never increase from bottom to top
    k = 0
    for pos, nxt in zip(bounds, bounds[1:] + [None]):
        while stack and stack[-1][1] <= pos:
            stack.pop()
            out.append("</mark>")
        while k < len(order) and order[k][0] == pos:
            x = order[k]
            k += 1
            reopen = []
            while stack and stack[-1][1] < x[1]:  # would end inside x: split it
                reopen.append(stack.pop())
                out.append("</mark>")
            out.append(_open(x, False))
            stack.append(x)
            for y in reversed(reopen):
                out.append(_open(y, True))
                stack.append(y)
        if nxt is not None:
            out.append(_html.escape(text[pos:nxt], quote=False))
    while stack:
        stack.pop()
        out.append("</mark>")
    return "".join(out)


def to_html(doc: "Document", title: Optional[str] = None) -> str:
    """The whole document as a self-contained HTML page (no external resources)."""
    name = title or doc.title or doc.doc_id or "reportx document"
    c = doc.counts()
    meta = " · ".join(p for p in (
        f"doc_id {doc.doc_id}" if doc.doc_id else "", f"lang {doc.lang}",
        f"date {doc.date}" if doc.date else "", f"year {doc.year}" if doc.year else "",
        f"{c['sections']} sections, {c['blocks']} blocks, {c['statements']} statements, "
        f"{c['topics']} topics, {c['actions']} actions") if p)
    body = render_text(doc.text, spans(doc))
    return (
        "<!DOCTYPE html>\n<html lang=\"" + _html.escape(doc.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_html.escape(name)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{_html.escape(name)}</h1><p>{_html.escape(meta)}</p>"
        "<div id=\"rx-legend\"></div></header>\n"
        f"<div class=\"rx-text\" lang=\"{_html.escape(doc.lang)}\">{body}</div>\n"
        f"<script type=\"application/json\" id=\"rx-meta\">{_json_for_script({'doc_id': doc.doc_id, 'counts': c})}"
        f"</script>\n<script>{_JS}</script>\n</body>\n</html>\n")


def _json_for_script(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def summary_html(doc: "Document", max_rows: int = 10) -> str:
    """The notebook view: metadata, counts and the first ``max_rows`` statements."""
    c = doc.counts()
    e = _html.escape
    head = (f"<b>reportx.Document</b> {e(doc.doc_id or '')} · {e(doc.lang)}"
            + (f" · {e(doc.date)}" if doc.date else "") + (f" · year {doc.year}" if doc.year else "")
            + (f"<br><i>{e(doc.title)}</i>" if doc.title else ""))
    counts = " · ".join(f"{v} {k}" for k, v in c.items())
    rows = []
    cols = ("kind", "metric_id", "metric", "text", "value", "low", "high", "unit", "bound", "period")
    for s in doc.statements[:max_rows]:
        rows.append("<tr>" + "".join(f"<td>{e(_fmt(getattr(s, k)))}</td>" for k in cols) + "</tr>")
    table = ""
    if rows:
        table = ("<table><thead><tr>" + "".join(f"<th>{k}</th>" for k in cols) + "</tr></thead><tbody>"
                 + "".join(rows) + "</tbody></table>")
        if c["statements"] > max_rows:
            table += f"<p>… {c['statements'] - max_rows} more statements (<code>doc.to_pandas()</code>)</p>"
    return f"<div class=\"reportx-document\"><p>{head}</p><p>{counts}</p>{table}</div>"
