"""A small SMTP server for tests (Python standard library only): listens on a loopback port, accepts
every message and keeps it. Use it in-process (`SmtpSink()` … `.stop()`) or run it:

    python3 tests/tools/smtp_sink.py --port 2525     # prints each message's envelope and subject
"""
import argparse
import email
import email.policy
import socket
import socketserver
import threading
import time


class _Handler(socketserver.StreamRequestHandler):
    timeout = 10

    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        sink = self.server.sink
        self.reply("220 sink.test ESMTP")
        sender, recipients = None, []
        while True:
            try:
                raw = self.rfile.readline(65536)
            except OSError:
                return
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line.split(" ", 1)[0].upper()
            if verb == "EHLO":
                self.reply("250-sink.test")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink.test")
            elif verb == "MAIL":
                sender, recipients = _angle(line), []
                self.reply("250 2.1.0 Ok")
            elif verb == "RCPT":
                recipients.append(_angle(line))
                self.reply("250 2.1.5 Ok")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while True:
                    raw = self.rfile.readline(1 << 20)
                    if not raw:
                        return
                    if raw in (b".\r\n", b".\n"):
                        break
                    lines.append(raw[1:] if raw.startswith(b".") else raw)
                sink._add(sender, recipients, b"".join(lines))
                sender, recipients = None, []
                self.reply("250 2.0.0 Ok: queued")
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 2.0.0 Ok")
            elif verb == "NOOP":
                self.reply("250 2.0.0 Ok")
            elif verb == "QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:
                self.reply("502 5.5.2 Command not recognized")


def _angle(line):
    start, end = line.find("<"), line.find(">")
    return line[start + 1:end] if 0 <= start < end else ""


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class SmtpSink:
    """Listens on 127.0.0.1 (port 0: any free port) in a background thread until stop()."""

    def __init__(self, port=0):
        self._lock = threading.Condition()
        self.messages = []
        self._server = _Server(("127.0.0.1", port), _Handler)
        self._server.sink = self
        self.port = self._server.server_address[1]
        self.url = f"smtp://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()

    def _add(self, sender, recipients, data):
        message = email.message_from_bytes(data, policy=email.policy.default)
        with self._lock:
            self.messages.append({"from": sender, "to": list(recipients), "data": data, "message": message})
            self._lock.notify_all()

    def wait_for(self, predicate, timeout=15):
        """The first message for which predicate(entry) holds, waiting up to `timeout` seconds; None if none."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for entry in self.messages:
                    if predicate(entry):
                        return entry
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._lock.wait(left)

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=2525)
    args = parser.parse_args()
    sink = SmtpSink(args.port)
    print(f"smtp_sink: listening on {sink.url}", flush=True)
    seen = 0
    try:
        while True:
            entry = sink.wait_for(lambda e: sink.messages.index(e) >= seen, timeout=3600)
            if entry is not None:
                seen += 1
                print(f"{entry['from']} -> {', '.join(entry['to'])}: {entry['message']['Subject']}", flush=True)
    except KeyboardInterrupt:
        sink.stop()
