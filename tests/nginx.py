"""A real nginx for tests and benches (tests/test_edge_nginx.py, bench/gate.py): its own prefix,
temp and cache folders under a scratch folder, no root paths, in the foreground (`daemon off`),
stopped at the end. The http-context files given are included as they are."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from tests.net import stop

NGINX_PATHS = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")
STARTUP_SECONDS = 20


def nginx_binary() -> str | None:
    """nginx on this machine (Debian's package puts it in /usr/sbin, often not on a user's PATH)."""
    found = shutil.which("nginx")
    if found:
        return found
    return next((p for p in NGINX_PATHS if os.access(p, os.X_OK)), None)


def main_config(folder: Path, http_files: list[Path], workers: int) -> str:
    temp = {name: folder / "temp" / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(parents=True, exist_ok=True)
    # as root, nginx's workers would switch to `nobody`, who cannot read a test's private folders
    user = "user root;\n" if os.geteuid() == 0 else ""
    includes = "\n".join(f"    include {path};" for path in http_files)
    return f"""{user}worker_processes {workers};
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type application/octet-stream;
    types {{ text/html html; }}
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
{includes}
}}
"""


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}: {log.read_text() if log.exists() else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"nginx did not listen on {port} within {STARTUP_SECONDS} s")
        time.sleep(0.05)


@contextlib.contextmanager
def running_nginx(folder: Path, http_files: list[Path], port: int, workers: int = 1) -> Iterator[Path]:
    """nginx with `http_files` included in its http block, until the block ends; `port` is one of
    the ports they listen on (waited for). Yields its error log. RuntimeError if it does not start
    (`nginx -t` output included)."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(main_config(folder, http_files, workers))
    log = folder / "error.log"
    command = [binary, "-p", str(folder), "-e", str(log), "-c", str(conf)]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    if checked.returncode:
        raise RuntimeError(f"nginx -t: {checked.stderr}")
    process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, log)
        yield log
    finally:
        stop(process, signal.SIGQUIT, timeout=10)  # graceful: workers finish, the master removes its pid file
