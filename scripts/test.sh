#!/usr/bin/env bash
# The README's second command: set up .venv (if needed) and run the whole test suite.
# System tools some tests use (Chromium for the browser test, poppler's pdftotext and
# pdftoppm, xmllint as an independent schema validator, Neovim and Emacs with eglot as
# real LSP clients, a Japanese font, tesseract for PDF import's --ocr) are installed with
# apt-get when missing and possible (root on Debian); otherwise those tests skip and say why.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
{ command -v emacs && ls -d /usr/share/emacs/site-lisp/elpa/eglot-*; } >/dev/null 2>&1 \
  || need+=(emacs-nox elpa-eglot)
# one CJK font (about 12 MB installed, not the 90 MB noto-cjk) for the PDF test of a Japanese script's text layer
[ -e /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need+=(fonts-ipafont-gothic)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } \
    >/dev/null 2>&1 || echo "warning: could not install ${need[*]}; tests that need them will skip"
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# Types of both packages, screenplay/ and toolchain/ (configuration in pyproject.toml,
# [tool.mypy]): no errors allowed.
.venv/bin/python -m mypy
exec .venv/bin/python -m pytest -q "$@"
