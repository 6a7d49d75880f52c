"""Measure a newcomer's first start: a fresh clone, `bash scripts/install.sh`, then `bash scripts/run.sh` until
the app is interactive in a real browser (Debian's headless Chromium shows the mentor form), and until the
first answer on the parents' page.

    python scripts/first_start.py                      # clones this checkout's HEAD into a temporary folder
    python scripts/first_start.py --json first.json --keep --workdir /tmp/first   # again: reuses the install

Times (seconds, wall clock): ``install`` (venv + packages; not part of the target), ``health`` (run.sh
started -> the server answers), ``interactive`` (run.sh started -> the form is visible and idle in Chromium,
which was opened before: a user's browser is already running),
``first_answer`` (the parents' page asked one question after that, in the same browser). A fresh, empty
``LOB_HOME`` is used, so nothing built earlier helps. Loopback only; everything started is stopped; bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import t  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--source", default=str(ROOT), help="repository to clone (default: this checkout)")
    p.add_argument("--workdir", type=Path, help="where to clone (default: a new temporary folder)")
    p.add_argument("--keep", action="store_true", help="keep the clone (and its .venv) afterwards")
    p.add_argument("--timeout", type=float, default=600, help="seconds for each step before it fails")
    p.add_argument("--json", type=Path)
    args = p.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lob-first-start-"))
    clone = work / "lob-kompas"
    home = work / "lob_home"
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "LOB_HOME")}
    env["LOB_HOME"] = str(home)
    out: dict[str, object] = {"source": args.source}
    proc = None
    try:
        if clone.exists():  # --keep'ed earlier: bring it to the source's HEAD (install then finds its stamp)
            subprocess.run(["git", "-C", str(clone), "pull", "--quiet", "--ff-only"], check=True, timeout=args.timeout)
        else:
            subprocess.run(["git", "clone", "--quiet", args.source, str(clone)], check=True, timeout=args.timeout)
        out["commit"] = subprocess.run(
            ["git", "-C", str(clone), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        began = time.monotonic()
        subprocess.run(
            ["bash", "scripts/install.sh"],
            cwd=clone,
            env=env,
            check=True,
            timeout=args.timeout,
            stdout=subprocess.DEVNULL,
        )
        out["install_s"] = round(time.monotonic() - began, 1)
        port = bh.free_port()
        log = work / "run.log"
        url = f"http://127.0.0.1:{port}"
        with bh.chromium() as browser:  # the user's browser is open already: its own start is not counted
            page = browser.new_context(viewport=bh.DESKTOP).new_page()
            page.goto("about:blank")
            with log.open("wb") as sink:
                began = time.monotonic()
                proc = subprocess.Popen(
                    ["bash", "scripts/run.sh", "--port", str(port), "--address", "127.0.0.1"],
                    cwd=clone,
                    env=env,
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            while not bh._healthy(url):
                if proc.poll() is not None or time.monotonic() - began > args.timeout:
                    raise RuntimeError(f"run.sh did not start:\n{log.read_text()[-3000:]}")
                time.sleep(0.1)
            out["health_s"] = round(time.monotonic() - began, 2)
            bh.open_page(page, url + "/", ready_testid="stForm")
            out["interactive_s"] = round(time.monotonic() - began, 2)
            bh.open_page(page, url + "/ouders?lang=nl")
            box = (
                page.get_by_test_id("stTextInput")
                .locator("input")
                .or_(page.get_by_test_id("stChatInput").locator("textarea"))
                .first
            )
            asked = time.monotonic()
            box.fill(t("ask.q1", "nl"))
            box.press("Enter")
            page.get_by_test_id("stExpander").filter(has_text="📎").first.wait_for(timeout=args.timeout * 1000)
            out["first_answer_s"] = round(time.monotonic() - began, 2)
            out["first_answer_after_asking_s"] = round(time.monotonic() - asked, 2)
        out["index_in_lob_home"] = sorted(p.name for p in home.iterdir())
        out["run_log"] = log.read_text(errors="replace")[-1500:]
    finally:
        if proc is not None and proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(out, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
