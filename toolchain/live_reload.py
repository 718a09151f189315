"""The reload script ``watch`` adds to the HTML it writes, so an open page follows the saves.

It works from a file (``file://``) as well as from a web server, with no server
of ours: beside ``NAME.html`` watch writes ``NAME.reload.js``, a one-line script
that calls back with the id of the latest build.  The page loads that file again
every second and reloads itself when the id is no longer its own.

Only ``watch`` adds it: ``render`` and ``build`` write pages with no live part.
The page's Content-Security-Policy is widened by exactly what this needs: the
inline script's hash, and scripts from the page's own place (``'self'``, and
``file:`` for a page opened from disk, whose origin matches nothing else).
"""
from __future__ import annotations

import base64
import hashlib
import json
import re

_CALLBACK = "__screenplayBuild"

_CSP_SCRIPT = re.compile(r"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?"
                         r"script-src )([^\";]*)")


def reload_script_name(html_name: str) -> str:
    """``draft.html`` -> ``draft.reload.js`` (beside it)."""
    base = html_name[:-5] if html_name.lower().endswith(".html") else html_name
    return base + ".reload.js"


def build_id(html: str) -> str:
    """An id that changes whenever the page's content does."""
    return hashlib.sha256(html.encode("utf-8")).hexdigest()[:16]


def _inline_script(build: str, stamp: str) -> str:
    return ("(function(){var me=" + json.dumps(build) + ";window." + _CALLBACK +
            "=function(b){if(b!==me){location.reload();}};function look(){"
            "var s=document.createElement('script');s.src=" + json.dumps(stamp) +
            "+'?'+Date.now();s.onload=s.onerror=function(){s.remove();};"
            "document.head.appendChild(s);}setInterval(look,1000);})();")


def add_reload(html: str, html_name: str) -> tuple[str, str]:
    """The page with the reload script added, and the content of its ``.reload.js``.

    Raises ValueError if the page has no CSP ``script-src`` or ``</body>`` to extend
    (the HTML writer always writes both).
    """
    build = build_id(html)
    stamp = reload_script_name(html_name.rsplit("/", 1)[-1])
    script = _inline_script(build, stamp)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page, n = _CSP_SCRIPT.subn(lambda m: f"{m.group(1)}{m.group(2)} 'sha256-{digest}' 'self' file:",
                               html, count=1)
    at = page.rfind("</body>")
    if n != 1 or at < 0:
        raise ValueError("the HTML has no Content-Security-Policy script-src or </body>")
    page = page[:at] + f"<script>{script}</script>\n" + page[at:]
    return page, f"window.{_CALLBACK}&&window.{_CALLBACK}({json.dumps(build)});\n"
