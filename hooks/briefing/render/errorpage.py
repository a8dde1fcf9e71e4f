"""The live preview's answer while the briefing has problems: one page that lists them.

It is served at once for every page request (never a hang), needs nothing else from the
site, and asks the preview server every half second whether a newer build succeeded; then
it reloads itself, and the reader is back on the page they asked for.
"""
from __future__ import annotations

import html

from ..problems import Problem

STATUS = "/__briefing/status"

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff;color:#1d1d1f}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.4rem;color:#b00020}
ol{padding-left:1.2rem}li{margin:.8rem 0}
code{font:.9em ui-monospace,monospace;background:#f3f3f3;padding:.1em .3em;border-radius:3px}
.where{font-weight:600}.hint{color:#444}.warning .where{color:#8a5a00}
@media (prefers-color-scheme:dark){body{background:#1e1e24;color:#e8e8ea}
code{background:#2c2c34}.hint{color:#b8b8c0}h1{color:#ff7b8a}}
"""

_SCRIPT = """
(function(){var since=%d;function poll(){var r=new XMLHttpRequest();
r.onload=function(){try{var s=JSON.parse(r.responseText);if(s.generation>since&&s.ok){location.reload();return}}catch(e){}
setTimeout(poll,500)};r.onerror=function(){setTimeout(poll,1000)};
r.open("GET","%s?since="+since);r.send()}poll()})();
"""


def error_page(title: str, problems: list[Problem], generation: int) -> str:
    items = []
    for problem in problems:
        hint = f'<div class="hint">hint: {html.escape(problem.hint)}</div>' if problem.hint else ""
        rule = f" [{html.escape(problem.rule)}]" if problem.rule else ""
        items.append(f'<li class="{problem.severity}"><div><code class="where">'
                     f"{html.escape(problem.where())}</code> {html.escape(problem.severity)}: "
                     f"{html.escape(problem.message)}{rule}</div>{hint}</li>")
    count = len(problems)
    return "\n".join([
        "<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{count} problem{'s' * (count != 1)} — {html.escape(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{_STYLE}</style>", "</head>", "<body>", "<main>",
        f"<h1>The briefing has {count} problem{'s' * (count != 1)}</h1>",
        "<p>Fix them and save: this page reloads by itself when the briefing builds again.</p>",
        '<ol class="bf-problems">', *items, "</ol>", "</main>",
        f"<script>{_SCRIPT % (generation, STATUS)}</script>", "</body>", "</html>", ""])
