#!/usr/bin/env python3
"""The audit's slow-body reproduction, against a running service.

Usage: bench/slow-bodies.py URL [CONNECTIONS] [SECONDS]      e.g. bench/slow-bodies.py http://127.0.0.1:8080

Opens CONNECTIONS (default 220) connections that each declare a 60,000-byte POST /accounts body and send it
a byte every 10 s, for SECONDS (default 60). Meanwhile GET /actuator/health and GET /accounts?size=1 are
timed every 2 s on fresh connections, with a 15 s timeout. Then one more connection sends 8 of 30 declared
bytes and falls silent, and the time until the service answers (or closes) it is measured.

Prints every probe's status and time, what the slow connections were answered and when, and a summary.
Only ever talks to the URL given (meant to be 127.0.0.1).
"""
import socket
import sys
import threading
import time
import urllib.parse

url = urllib.parse.urlparse(sys.argv[1])
CONNECTIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 220
DURATION = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
HOST, PORT = url.hostname, url.port or 80
HEAD = ("POST /accounts HTTP/1.1\r\nHost: {h}\r\nContent-Type: application/json\r\n"
        "Content-Length: {n}\r\n\r\n")


def status_of(reply):
    line = reply.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ")
    return parts[1] if len(parts) > 1 and parts[0].startswith("HTTP/") else (line or "closed")


class Slow(threading.Thread):
    """One connection trickling its body a byte every 10 s until answered, closed or the run ends."""

    def __init__(self, started):
        super().__init__(daemon=True)
        self.started = started
        self.answer = None
        self.after = None

    def run(self):
        try:
            sock = socket.create_connection((HOST, PORT), timeout=30)
            sock.sendall(HEAD.format(h=HOST, n=60000).encode())
            sock.settimeout(10)
            t0 = time.monotonic()
            while time.monotonic() - self.started < DURATION:
                try:
                    reply = sock.recv(4096)
                    self.answer, self.after = status_of(reply), time.monotonic() - t0
                    return
                except socket.timeout:
                    pass
                try:
                    sock.sendall(b" ")
                except OSError:
                    self.answer, self.after = "reset", time.monotonic() - t0
                    return
            sock.close()
        except OSError as e:
            self.answer, self.after = "error: %s" % e, 0.0


def probe(path):
    t0 = time.monotonic()
    try:
        sock = socket.create_connection((HOST, PORT), timeout=15)
        sock.settimeout(15)
        sock.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (path, HOST)).encode())
        status = status_of(sock.recv(4096))
        sock.close()
    except OSError:
        status = "timeout"
    return status, time.monotonic() - t0


def stalled():
    t0 = time.monotonic()
    sock = socket.create_connection((HOST, PORT), timeout=200)
    sock.sendall((HEAD.format(h=HOST, n=30) + '{"name":"').encode())
    try:
        status = status_of(sock.recv(4096))
    except OSError:
        status = "reset"
    return status, time.monotonic() - t0


started = time.monotonic()
slow = [Slow(started) for _ in range(CONNECTIONS)]
for s in slow:
    s.start()
time.sleep(2)  # let them all declare their bodies first
worst = {"/actuator/health": 0.0, "/accounts?size=1": 0.0}
failed = 0
while time.monotonic() - started < DURATION:
    for path in worst:
        status, took = probe(path)
        worst[path] = max(worst[path], took)
        failed += status != "200"
        print("%6.1f s  GET %-18s %s in %.3f s" % (time.monotonic() - started, path, status, took), flush=True)
    time.sleep(2)
for s in slow:
    s.join(timeout=15)
answers = {}
for s in slow:
    answers.setdefault(s.answer, []).append(s.after or 0.0)
for answer, afters in sorted(answers.items(), key=lambda a: str(a[0])):
    print("slow bodies answered %s: %d, after %.1f-%.1f s" % (answer, len(afters), min(afters), max(afters)))
status, took = stalled()
print("a body of 8 of 30 declared bytes, then silence: %s after %.1f s" % (status, took))
print("summary: %d slow bodies; worst health %.3f s, worst GET %.3f s, %d probes not 200"
      % (CONNECTIONS, worst["/actuator/health"], worst["/accounts?size=1"], failed))
