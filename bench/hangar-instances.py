#!/usr/bin/env python3
"""Hangar's side of the instances comparison with s6, through one kept-alive HTTP connection.

curl forks a process and opens a connection for every call, 8-10 ms on this machine: about as
much as the create it sends. s6's tools are small C programs (about 1.6 ms a call from bash). A
program that drives Hangar keeps its connection, so this measures the supervisor, not the client.

    bench/hangar-instances.py API SECRET cycle NAME
        create NAME, wait until ready, kill -9 its process, wait until restarted, delete it;
        prints "create_to_up_ms create_to_ready_ms restart_ms"
    bench/hangar-instances.py API SECRET creates PREFIX COUNT
        creates PREFIX1..PREFIXCOUNT one after another; prints the milliseconds they took
    bench/hangar-instances.py API SECRET deletes PREFIX COUNT

API is a template's instances, e.g. http://127.0.0.1:8080/api/instances/sleeper.
"""
import http.client
import json
import os
import signal
import sys
import time
from urllib.parse import urlsplit

DEADLINE_S = 30


class Api:
    def __init__(self, url, secret):
        parts = urlsplit(url)
        self.path = parts.path.rstrip("/")
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        self.headers = {"Authorization": "Bearer " + secret}

    def call(self, method, name, expected):
        self.connection.request(method, self.path + "/" + name, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        if response.status != expected:
            sys.exit("%s %s: HTTP %d, not %d: %s" % (method, name, response.status, expected, body[:300]))
        return json.loads(body) if body else None

    def until(self, name, condition, what):
        deadline = time.monotonic() + DEADLINE_S
        while True:
            status = self.call("GET", name, 200)
            if condition(status):
                return status
            if time.monotonic() > deadline:
                sys.exit("instance %s: not %s after %d s: %s" % (name, what, DEADLINE_S, status))


def ms(since):
    return round((time.monotonic() - since) * 1000)


def cycle(api, name):
    created = time.monotonic()
    status = api.call("POST", name, 201)  # create answers once the process runs
    if status["state"] != "up":
        sys.exit("instance %s: created %s, not up" % (name, status["state"]))
    up = ms(created)
    status = api.until(name, lambda s: s["ready"], "ready")
    ready = ms(created)
    pid = status["pid"]
    os.kill(pid, signal.SIGKILL)
    killed = time.monotonic()
    api.until(name, lambda s: s["pid"] is not None and s["pid"] != pid, "restarted")
    restart = ms(killed)
    api.call("DELETE", name, 204)
    print(up, ready, restart)


def main(url, secret, command, *args):
    api = Api(url, secret)
    if command == "cycle":
        cycle(api, args[0])
    elif command in ("creates", "deletes"):
        prefix, count = args[0], int(args[1])
        method, expected = ("POST", 201) if command == "creates" else ("DELETE", 204)
        started = time.monotonic()
        for i in range(1, count + 1):
            api.call(method, prefix + str(i), expected)
        print(ms(started))
    else:
        sys.exit("unknown command " + command)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
