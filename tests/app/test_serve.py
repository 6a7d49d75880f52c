"""`lob-kompas serve`: two real Streamlit workers behind Debian's nginx on loopback ports.

Checks what a phone needs: the page through nginx, the websocket upgrade (a real script run of the parents'
page), the sticky cookie (a browser keeps its worker; an unknown cookie cannot pick an address), static files
from nginx itself (compressed), a dead worker's visitors moved to a live one, workers reachable on 127.0.0.1
only, and everything stopped afterwards.
"""

from __future__ import annotations

import asyncio
import gzip
import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from app.serve import Cluster, find_nginx, render_nginx_conf, serving

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))  # browser_helpers, loadtest
import browser_helpers as bh  # noqa: E402

INDEX_CACHE = "lob_kompas_index"


def _get(url: str, cookie: str | None = None, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    if cookie:
        request.add_header("Cookie", cookie)
    if gzip_ok:
        request.add_header("Accept-Encoding", "gzip")
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def _listeners(port: int) -> set[str]:
    """IPv4/IPv6 addresses with a listening TCP socket on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.rsplit(":", 1)
            if state == "0A" and int(hexport, 16) == port:
                if len(address) == 8:
                    found.add(".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)))
                else:
                    found.add("::1" if address.endswith("01000000") and address.startswith("0" * 24) else address)
    return found


def test_rendered_config_is_accepted_by_nginx(tmp_path: Path) -> None:
    conf = tmp_path / "nginx.conf"
    (tmp_path / "tmp").mkdir()
    conf.write_text(render_nginx_conf("127.0.0.1", 18080, [18081, 18082], tmp_path))
    text = conf.read_text()
    assert "access_log off;" in text and "least_conn;" in text and '"w2" "127.0.0.1:18082";' in text
    done = subprocess.run(
        [find_nginx(), "-t", "-q", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_refuses_impossible_worker_counts() -> None:
    from app.commands.common import UserError

    for n in (0, 33):
        with pytest.raises(UserError, match="--workers"):
            Cluster(n)


def test_dry_run_prints_loopback_workers_and_the_config() -> None:
    done = subprocess.run(
        [*bh.lob_kompas(), "serve", "--workers", "3", "--port", "9000", "--dry-run"],
        capture_output=True,
        text=True,
        cwd=bh.REPO,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("--server.address 127.0.0.1") == 3
    assert "listen 127.0.0.1:9000;" in done.stdout and "server 127.0.0.1:8603" in done.stdout


@pytest.mark.slow
def test_two_workers_behind_nginx(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    from app.streamlit_client import Session, connect

    env = dict(os.environ, LOB_HOME=str(tmp_path / "home"))
    bh.ensure_index(env, vectors_cache=Path(request.config.cache.mkdir(INDEX_CACHE)))  # quick: shipped or cached
    port = bh.free_port()
    with serving(2, port=port, env=env, warm=False, run_dir=tmp_path / "run", notify=lambda m: None) as cluster:
        state = cluster.state()
        url = state["url"]
        assert url == f"http://127.0.0.1:{port}"
        assert all(w["pid"] for w in state["workers"]) and state["nginx_pid"]
        assert (tmp_path / "run" / "serve.json").exists()
        assert "access_log off;" in (tmp_path / "run" / "nginx.conf").read_text()

        # the page through nginx; the first response names the worker in a cookie
        status, headers, body = _get(url + "/ouders?lang=ar")
        assert status == 200 and b'<div id="root">' in body
        first = headers["x-lob-worker"]
        assert first in ("w1", "w2") and f"lob_worker={first};" in headers["set-cookie"]
        assert "HttpOnly" in headers["set-cookie"]

        # sticky: with the cookie, every request reaches the same worker; each worker can be chosen
        for name in ("w1", "w2"):
            seen = {_get(url + "/_stcore/health", cookie=f"lob_worker={name}")[1]["x-lob-worker"] for _ in range(5)}
            assert seen == {name}
        # a cookie cannot name an address: unknown values go to the group, and are replaced
        status, headers, _ = _get(url + "/_stcore/health", cookie="lob_worker=127.0.0.1:22")
        assert status == 200 and headers["x-lob-worker"] in ("w1", "w2")

        # static files come from nginx itself, compressed
        asset = next(part.split('"')[0] for part in body.decode().split('src="./')[1:] if part.startswith("static/"))
        status, headers, data = _get(f"{url}/{asset}", gzip_ok=True)
        assert status == 200 and headers.get("content-encoding") == "gzip" and "x-lob-worker" not in headers
        assert headers["content-type"] == "application/javascript" and gzip.decompress(data)

        # the websocket upgrade works through nginx: the parents' page runs in Arabic
        async def parents_page() -> list[str]:
            async with connect("127.0.0.1", port, 120, cookie=f"lob_worker={first}") as ws:
                run = await Session(ws, 120).rerun(page_name="ouders", query_string="lang=ar")
                assert run.ok, run.exceptions
                return run.headings

        from knowledge.i18n import t

        assert t("parents.title", "ar") in asyncio.run(parents_page())

        # workers listen on loopback only (the kernel's own table of listening sockets says so)
        for w in state["workers"]:
            assert _listeners(w["port"]) == {"127.0.0.1"}, w
        assert _listeners(port) == {"127.0.0.1"}

        # a dead worker's visitors go to the other one, with a new cookie
        dead = cluster.pool[0]
        assert dead.proc is not None
        dead.proc.terminate()
        dead.proc.wait(30)
        status, headers, _ = _get(url + "/_stcore/health", cookie="lob_worker=w1")
        assert status == 200 and headers["x-lob-worker"] == "w2" and "lob_worker=w2;" in headers["set-cookie"]
        # the supervisor brings it back
        assert cluster.check() and dead.restarts == 1
        procs = [w.proc for w in cluster.pool] + [cluster.nginx]
    assert all(p is not None and p.poll() is not None for p in procs), "every process is stopped"
    assert not bh._healthy(f"http://127.0.0.1:{port}")
    assert not (tmp_path / "run" / "serve.json").exists()


def test_deploy_recipes_agree_with_the_local_setup() -> None:
    """The container recipe and the Kubernetes sketch are not run here; they must at least say the same as
    the set-up that is tested: the same command, port and health path, the same cookie, no access log."""
    import yaml

    deploy = bh.REPO / "deploy"
    containerfile = (deploy / "Containerfile").read_text()
    assert "lob-kompas serve" in containerfile and "EXPOSE 8080" in containerfile and "--port 8080" in containerfile
    assert '"status": "shipped"' in containerfile, "the image build must refuse a stale shipped index"
    docs = {d["kind"]: d for d in yaml.safe_load_all((deploy / "k8s" / "lob-kompas.yaml").read_text())}
    assert set(docs) == {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler"}
    [container] = docs["Deployment"]["spec"]["template"]["spec"]["containers"]
    assert container["command"][:2] == ["lob-kompas", "app"]
    assert {container[p]["httpGet"]["path"] for p in ("startupProbe", "readinessProbe", "livenessProbe")} == {
        "/_stcore/health"
    }
    notes = docs["Ingress"]["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert notes["nginx.ingress.kubernetes.io/session-cookie-name"] in (deploy / "nginx.conf.template").read_text()
    assert notes["nginx.ingress.kubernetes.io/enable-access-log"] == "false"
    start = (deploy / "start.sh").read_text()
    assert "lob-kompas serve" in start and os.access(deploy / "start.sh", os.X_OK)


@pytest.mark.slow
@pytest.mark.browser
def test_a_browser_through_nginx_uploads_and_sees_the_qr_code(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """What a user does through the proxy: a mentor loads a saved profile (an upload: a separate request that
    must reach the worker holding the session), the decaan's informatieavond page shows a QR code per language
    with the public address the phones will use, a parent's phone opens the parents' page in Arabic, and
    nothing is fetched from outside."""
    import json

    from knowledge.i18n import LANGUAGES, t

    public = "http://lob-kompas.school.test:8080"  # what the phones use (the poster's address), not loopback
    env = dict(os.environ, LOB_HOME=str(tmp_path / "home"), LOB_PUBLIC_URL=public)
    bh.ensure_index(env, vectors_cache=Path(request.config.cache.mkdir(INDEX_CACHE)))
    profile = tmp_path / "profiel.json"
    profile.write_text(
        json.dumps(
            {
                "schooltype": "vmbo-bb",
                "leerjaar": "vo3",
                "interesses": ["autos_motoren"],
                "postcode": "3083",
                "taal_ouders": "tr",
            }
        ),
        encoding="utf-8",
    )
    with (
        serving(2, port=bh.free_port(), env=env, warm=False, notify=lambda m: None) as cluster,
        bh.chromium() as browser,
    ):
        url = cluster.state()["url"]
        seen_workers = set()
        outside: list[str] = []

        def record(req: object) -> None:
            address = str(getattr(req, "url", ""))
            if not address.startswith((url, "data:", "blob:")):
                outside.append(address)

        for _ in range(2):
            context = browser.new_context(viewport=bh.DESKTOP)
            page = context.new_page()
            page.on("request", record)
            bh.open_page(page, url + "/", ready_testid="stForm")
            seen_workers.add({c["name"]: c["value"] for c in context.cookies()}["lob_worker"])
            page.get_by_test_id("stExpander").filter(has_text=t("mentor.load", "nl")).first.click()
            page.locator("input[type=file]").first.set_input_files(str(profile))
            bh.wait_for_or_exception(page, page.get_by_text(t("mentor.load_ok", "nl")))
            assert not outside, outside
            context.close()
        assert seen_workers <= {"w1", "w2"}

        decaan = browser.new_context(viewport=bh.DESKTOP)
        page = decaan.new_page()
        page.on("request", record)
        bh.open_page(page, url + "/informatieavond")
        shown = [e.inner_text().strip() for e in page.locator(".lob-qr-url").all()]
        assert shown == [f"{public}/ouders?lang={code}" for code in LANGUAGES], shown
        assert page.locator(".lob-qr svg").count() == len(LANGUAGES)  # drawn in the page: no image to fetch
        decaan.close()

        phone = browser.new_context(viewport=bh.PHONE, is_mobile=True, has_touch=True)
        page = phone.new_page()
        page.on("request", record)
        bh.open_page(page, url + "/ouders?lang=ar")
        assert bh.is_rtl(page, expect=True)
        assert page.get_by_role("button", name=t("parents.ask_button", "ar")).count() == 1
        phone.close()
        assert not outside, outside
