"""The HTML script in a real browser: headless Chromium shows it, follows the index, prints it.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
JSON messages ending in NUL on file descriptors 3 and 4), so the test needs no
extra Python package and opens no port.  Screenshots are kept in
``out/html-browser/`` for a person to look at.
"""
from __future__ import annotations

import base64
import io
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from screenplay.fountain_reader import parse_fountain
from screenplay.html_writer import render_html
from screenplay.layout import load_profile, paginate
from screenplay.model import Document, Speech

from .conftest import ROOT, shared_path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--remote-debugging-pipe", "--hide-scrollbars", "--mute-audio",
         "--disable-dev-shm-usage"]  # small /dev/shm in CI containers
SHOTS = ROOT / "out" / "html-browser"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                "(Debian package 'chromium')")


_LAUNCHER = """
import fcntl, os, sys
r, w = (fcntl.fcntl(int(fd), fcntl.F_DUPFD_CLOEXEC, 10) for fd in sys.argv[1:3])
for fd in sys.argv[1:3]:
    os.close(int(fd))
os.dup2(r, 3)
os.dup2(w, 4)
os.execv(sys.argv[3], sys.argv[3:])
"""


class Browser:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, profile_dir: Path) -> None:
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()

        # Chromium reads commands on fd 3 and answers on fd 4.  A tiny Python
        # launcher moves our pipe ends there, whatever numbers they have here.
        r, w = to_chrome_r, from_chrome_w
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, str(r), str(w), str(CHROMIUM), *FLAGS,
             f"--user-data-dir={profile_dir}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(r, w),
        )
        os.close(r)
        os.close(w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)

    def _read(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, session: bool = False, timeout: float = 120,
             **params: Any) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, timeout: float = 60) -> None:
        while True:
            for i, ev in enumerate(self.events):
                if ev.get("method") == method:
                    del self.events[: i + 1]
                    return
            self.events.append(self._read(timeout))

    def page(self, method: str, **params: Any) -> dict[str, Any]:
        return self.call(method, session=True, **params)

    def js(self, expression: str) -> Any:
        r = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        return r["result"].get("value")

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)
        self.events.clear()
        self.page("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")
        self.js("document.fonts.ready.then(() => true)")

    def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode(self.page("Page.captureScreenshot", format="png")["data"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return data

    def print_pdf(self) -> bytes:
        r = self.page("Page.printToPDF", preferCSSPageSize=True, printBackground=False,
                      displayHeaderFooter=False, timeout=300)
        return base64.b64decode(r["data"])

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except (OSError, TimeoutError, EOFError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield b
    finally:
        b.close()


def _write(tmp: Path, name: str, doc: Document, **kw: str) -> str:
    path = tmp / name
    path.write_text(render_html(doc, **kw), encoding="utf-8")
    return path.as_uri()


def _doc(*parts: str) -> Document:
    return parse_fountain(shared_path("corpus", "fountain", *parts).read_text(encoding="utf-8"))


def _not_blank(png: bytes) -> bool:
    from PIL import Image
    img = Image.open(io.BytesIO(png)).convert("L")
    lo, hi = img.getextrema()
    return hi - lo > 100


def test_screen_index_link_and_highlight(browser: Browser, tmp_path: Path) -> None:
    doc = _doc("spec-samples", "Brick-and-Steel.fountain")
    url = _write(tmp_path, "brick.html", doc)
    browser.open(url)
    assert _not_blank(browser.screenshot(SHOTS / "brick-top.png"))
    # The embedded Courier Prime is the face in use: 60 characters are 6 in wide.
    width = browser.js("(() => { const s = document.createElement('span');"
                       " s.textContent = 'x'.repeat(60); document.querySelector('main').append(s);"
                       " const w = s.getBoundingClientRect().width; s.remove(); return w; })()")
    assert abs(width - 6 * 96) < 2
    # Follow an index link: the scene comes to the top of the window and is :target.
    browser.js("document.querySelector('nav a[href=\"#scene-5\"]').click()")
    time.sleep(0.3)
    assert browser.js("location.hash") == "#scene-5"
    assert browser.js("document.querySelector(':target').id") == "scene-5"
    top = browser.js("document.getElementById('scene-5').getBoundingClientRect().top")
    assert 0 <= top < 40
    assert browser.js("document.getElementById('scene-5-h').textContent").endswith("OPENING TITLES")
    assert _not_blank(browser.screenshot(SHOTS / "brick-scene-5.png"))
    # The script shows the highlighter and marks exactly one character's speeches.
    assert browser.js("document.getElementById('hl-tool').hidden") is False
    browser.js("(() => { const p = document.getElementById('hl-pick'); p.value = 'STEEL';"
               " p.dispatchEvent(new Event('change')); })()")
    steel = sum(1 for el in doc.body if isinstance(el, Speech) and el.character.name == "STEEL")
    assert browser.js("document.querySelectorAll('.speech.hl').length") == steel
    assert browser.js("document.getElementById('hl-count').textContent") == f"{steel} speeches"
    bg = browser.js("getComputedStyle(document.querySelector('.speech.hl .dialogue'))"
                    ".backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    browser.screenshot(SHOTS / "brick-highlight.png")


def test_narrow_screen_reflows_without_sideways_scrolling(browser: Browser, tmp_path: Path) -> None:
    url = _write(tmp_path, "brick.html", _doc("spec-samples", "Brick-and-Steel.fountain"))
    browser.open(url, width=390, height=844)
    assert browser.js("document.documentElement.scrollWidth") <= 390
    browser.js("document.getElementById('scene-2').scrollIntoView()")
    assert _not_blank(browser.screenshot(SHOTS / "brick-phone.png"))


@pytest.mark.parametrize("name,parts,paper,mode", [
    ("brick", ("spec-samples", "Brick-and-Steel.fountain"), "letter", "shooting"),
    ("sink", ("kitchen-sink", "afterwriting-test.fountain"), "a4", "spec"),
    ("big-fish", ("spec-samples", "Big-Fish.fountain"), "letter", "spec"),
])
def test_print_matches_the_layout_and_the_pdf(browser: Browser, tmp_path: Path, name: str,
                                              parts: tuple[str, str], paper: str,
                                              mode: str) -> None:
    from pypdf import PdfReader
    doc = _doc(*parts)
    url = _write(tmp_path, f"{name}.html", doc, paper=paper, mode=mode)
    browser.open(url)
    printed = PdfReader(io.BytesIO(browser.print_pdf()))
    (SHOTS / f"{name}-print.pdf").parent.mkdir(parents=True, exist_ok=True)
    layout = paginate(doc, load_profile(paper, mode))
    title = 1 if doc.title_page else 0
    assert len(printed.pages) == len(layout.pages) + title
    box = printed.pages[0].mediabox
    want = (612, 792) if paper == "letter" else (595.3, 841.9)
    assert abs(float(box.width) - want[0]) < 1 and abs(float(box.height) - want[1]) < 1
    # Page for page, the printed text is the layout's: each page's first and last
    # rows are on the same printed page, and its page number with them.
    for page, pdf_page in zip(layout.pages, printed.pages[title:]):
        text = " ".join(pdf_page.extract_text().split())
        rows = [ln for ln in page.lines if ln.row >= 0 and ln.text.strip()]
        rows.sort(key=lambda ln: (ln.row, ln.x))
        for ln in (rows[0], rows[-1]):
            assert " ".join(ln.text.split()) in text, (page.number, ln.text)
        if page.label:
            assert page.label in text
    try:
        from screenplay.pdf_writer import render_pdf
    except ImportError:
        pytest.skip("screenplay.pdf_writer is not available to compare page counts with")
    ours = PdfReader(io.BytesIO(render_pdf(doc, paper=paper, mode=mode)))
    assert abs(len(printed.pages) - len(ours.pages)) <= 1


def test_print_screenshots_for_review(browser: Browser, tmp_path: Path) -> None:
    """Renders the printed pages to PNG (pdftoppm) so a person can compare them with the PDF."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    doc = _doc("spec-samples", "Brick-and-Steel.fountain")
    browser.open(_write(tmp_path, "brick.html", doc, mode="shooting"))
    pdf = tmp_path / "brick.pdf"
    pdf.write_bytes(browser.print_pdf())
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "3", str(pdf),
                    str(SHOTS / "brick-print")], check=True, timeout=60)
    assert len(list(SHOTS.glob("brick-print-*.png"))) >= 3


def _words(pdf: bytes) -> list[list[tuple[str, float, float]]]:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [[(w["text"], w["x0"], w["top"]) for w in page.extract_words()]
                for page in doc.pages]


@pytest.mark.parametrize("name,parts,paper,mode", [
    ("brick", ("spec-samples", "Brick-and-Steel.fountain"), "letter", "shooting"),
    ("sink", ("kitchen-sink", "afterwriting-test.fountain"), "a4", "spec"),
])
def test_printed_words_sit_where_the_pdf_puts_them(browser: Browser, tmp_path: Path, name: str,
                                                   parts: tuple[str, str], paper: str,
                                                   mode: str) -> None:
    """Every word of the browser's print is within 1 pt of the same word in our PDF."""
    try:
        from screenplay.pdf_writer import render_pdf
    except ImportError:
        pytest.skip("screenplay.pdf_writer is not available")
    doc = _doc(*parts)
    browser.open(_write(tmp_path, f"{name}.html", doc, paper=paper, mode=mode))
    printed = _words(browser.print_pdf())
    ours = _words(render_pdf(doc, paper=paper, mode=mode))
    assert len(printed) == len(ours)
    for n, (a, b) in enumerate(zip(printed, ours), start=1):
        assert [w[0] for w in a] == [w[0] for w in b], f"page {n}"
        worst = max((max(abs(p[1] - q[1]), abs(p[2] - q[2])) for p, q in zip(a, b)), default=0)
        assert worst < 1.0, f"page {n}: a word is {worst:.2f} pt away from the PDF's"


def test_works_without_javascript(browser: Browser, tmp_path: Path) -> None:
    """With scripts off the script still reads, links work, and no dead control shows."""
    url = _write(tmp_path, "brick.html", _doc("spec-samples", "Brick-and-Steel.fountain"))
    browser.page("Emulation.setScriptExecutionDisabled", value=True)
    try:
        browser.open(url + "#scene-7")
        # DevTools evaluation still runs when page scripts are off; the page's own did not.
        assert browser.js("document.getElementById('hl-tool').hidden") is True
        assert browser.js("document.body.classList.contains('highlighting')") is False
        assert browser.js("document.querySelector(':target').id") == "scene-7"
        top = browser.js("document.getElementById('scene-7').getBoundingClientRect().top")
        assert 0 <= top < 300  # in view (web fonts may settle after the jump)
        assert browser.js("document.querySelectorAll('main .speech').length") > 10
        assert _not_blank(browser.screenshot(SHOTS / "brick-no-js.png"))
    finally:
        browser.page("Emulation.setScriptExecutionDisabled", value=False)


def test_accessibility_tree_has_three_landmarks_and_one_h1(browser: Browser,
                                                           tmp_path: Path) -> None:
    """What a screen reader gets: banner, navigation and main; one h1; scenes as h2."""
    doc = _doc("spec-samples", "Brick-and-Steel.fountain")
    browser.open(_write(tmp_path, "brick.html", doc))
    nodes = [n for n in browser.page("Accessibility.getFullAXTree")["nodes"]
             if not n.get("ignored")]
    roles = [n.get("role", {}).get("value") for n in nodes]
    for landmark in ("banner", "navigation", "main"):
        assert roles.count(landmark) == 1, landmark
    assert "region" not in roles and "complementary" not in roles

    def level(n: dict[str, Any]) -> int:
        return next(p["value"]["value"] for p in n.get("properties", []) if p["name"] == "level")

    heads = [(level(n), n["name"]["value"]) for n in nodes if n.get("role", {}).get("value")
             == "heading"]
    assert [lv for lv, _ in heads].count(1) == 1 and heads[0][0] == 1
    scene_heads = [name for lv, name in heads[2:]]
    assert len(scene_heads) == len(doc.scenes())
    assert scene_heads[0].replace(" .", ".") == "1. EXT. BRICK'S PATIO - DAY"
    pages = paginate(doc, load_profile("letter", "spec")).pages
    assert roles.count("doc-pagebreak") == len(pages) - 1  # a break before each later page
