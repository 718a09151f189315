"""The package builds as a wheel that carries its styles, fonts and schema.

Builds a wheel with ``python -m build``, installs it (without dependencies) into a
fresh virtual environment that borrows the test environment's third-party
packages, and renders a PDF from another directory.  This catches resources that
work from the source tree but are missing from an installed package.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = "Title: Wheel Test\n\nINT. FACTORY - DAY\n\nWHEEL\nI roll.\n"


@pytest.mark.slow
def test_wheel_installs_and_renders_from_elsewhere(tmp_path: Path) -> None:
    try:
        import build  # noqa: F401
    except ImportError:
        pytest.skip("the 'build' package is not installed (pip install -e '.[test]')")
    src = tmp_path / "src"
    # Build from a copy of the tracked files, as a fresh clone would.
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.split(b"\0")
    for f in files:
        if not f:
            continue
        rel = Path(f.decode())
        if not (ROOT / rel).is_file():
            continue
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(src)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=300)
    # Third-party dependencies come from the test environment, appended after the
    # new environment's own site-packages so the wheel's code is what runs.
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    deps = sysconfig.get_paths()["purelib"]
    Path(site, "borrowed-deps.pth").write_text(deps + "\n", encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "w.fountain").write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    where = subprocess.run([str(py), "-c", "import screenplay, screenplay.resources as r; "
                            "print(screenplay.__file__); print(r.styles_dir())"],
                           cwd=work, capture_output=True, text=True, check=True, env=env).stdout
    assert str(venv) in where.splitlines()[0], where
    assert str(venv) in where.splitlines()[1], where
    r = subprocess.run([str(venv / "bin" / "screenplay"), "render", "w.fountain", "--pdf", "w.pdf"],
                       cwd=work, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    pdf = (work / "w.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"CourierPrime" in pdf
    r = subprocess.run([str(venv / "bin" / "screenplay"), "check", "w.fountain"],
                       cwd=work, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
