"""Starts the real `tuyenvan` binary on a random loopback port, on SQLite or PostgreSQL."""
import http.client
import http.cookies
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
import urllib.parse

BIN = os.environ.get("TUYENVAN_BIN", "build/release/tuyenvan")
ENGINE = os.environ.get("TUYENVAN_TEST_ENGINE", "sqlite")
PG_ADMIN = os.environ.get("TUYENVAN_TEST_POSTGRES", "")
SOURCE = os.environ.get("TUYENVAN_SOURCE_DIR", os.getcwd())

DEMO = {
    "admin": "quantri-laocai-2026",
    "huyen.batxat": "canbo-batxat-2026",
    "xa.amusung": "canbo-amusung-2026",
    "xem": "nguoixem-laocai-2026",
    "so.vhttdl": "canbo-vhttdl-2026",
}


def with_database(url, name):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


class Store:
    """One throwaway database: a folder for SQLite or a new PostgreSQL database."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="tv-it-")
        if ENGINE == "postgres":
            if not PG_ADMIN:
                raise RuntimeError("TUYENVAN_TEST_POSTGRES is not set")
            self.name = "tv_it_" + uuid.uuid4().hex[:12]
            subprocess.run(["psql", PG_ADMIN, "-qc", f"CREATE DATABASE {self.name}"], check=True)
            self.args = ["--database", with_database(PG_ADMIN, self.name)]
        else:
            self.args = ["--data", self.dir]

    def cli(self, *args, stdin=None, check=True):
        result = subprocess.run([BIN, args[0], *self.args, *args[1:]], input=stdin, capture_output=True,
                                text=True, timeout=120)
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stdout}{result.stderr}")
        return result

    def drop(self):
        if ENGINE == "postgres":
            subprocess.run(["psql", PG_ADMIN, "-qc", f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"],
                           check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    def __init__(self, store, extra=()):
        self.store = store
        self.proc = subprocess.Popen(
            [BIN, "serve", *store.args, "--listen", "127.0.0.1:0", "--access-log", "off",
             "--templates", os.path.join(SOURCE, "templates"), "--static", os.path.join(SOURCE, "static"), *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        self.port = None
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                break
        if self.port is None:
            self.proc.kill()
            raise RuntimeError("server did not start: " + self.proc.stderr.read())

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


class Client:
    """An HTTP client with a cookie jar and the CSRF token of its session."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.csrf = None

    def request(self, method, path, body=None, headers=None, json_body=None, csrf=True):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        if isinstance(body, str):
            body = body.encode()
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            headers.setdefault("X-CSRF-Token", self.csrf)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for key, morsel in cookie.items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = morsel.value
        connection.close()
        response.data = data
        return response

    def json(self, method, path, body=None, expect=None):
        response = self.request(method, path, json_body=body)
        if expect is not None and response.status != expect:
            raise AssertionError(f"{method} {path}: {response.status} {response.data[:300]!r}")
        return response.status, (json.loads(response.data) if response.data else None)

    def sign_in(self, login, password=None):
        status, body = self.json("POST", "/api/v1/session", {"login": login, "password": password or DEMO[login]})
        if status != 201:
            raise AssertionError(f"sign-in of {login} failed: {status} {body}")
        self.csrf = body["csrf_token"]
        return body

    def form(self, path, fields):
        return self.request("POST", path, body=urllib.parse.urlencode(fields),
                            headers={"Content-Type": "application/x-www-form-urlencoded"}, csrf=False)

    def unit_id(self, code):
        status, body = self.json("GET", "/api/v1/units?per_page=200&q=" + urllib.parse.quote(code), expect=200)
        for unit in body["items"]:
            if unit["code"] == code:
                return unit["id"]
        raise AssertionError(f"unit {code} not visible")
