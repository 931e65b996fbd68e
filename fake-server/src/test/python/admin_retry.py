#!/usr/bin/env python3
"""Drives the fake jar as a non-JVM test would: usage admin_retry.py <command port> <web port>.

Pushes a job with retry over the Faktory protocol, FETCHes and FAILs it, moves the clock past the retry with the
admin API, FETCHes it again and reads the journal. Prints one line per step; exits non-zero on the first surprise.
Python 3 standard library only.
"""
import json
import socket
import sys
import urllib.request


def main(port, web_port):
    admin = "http://127.0.0.1:%d/testkit" % web_port
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        conn = sock.makefile("rwb")
        expect(read(conn).startswith("+HI"), "greeting")
        assert_ok(send(conn, 'HELLO {"v":2}'), "HELLO")
        assert_ok(send(conn, 'PUSH {"jid":"py-job-0001","jobtype":"Send","args":[1],"retry":3}'), "PUSH")
        fetched = send(conn, "FETCH default")
        expect("py-job-0001" in fetched, "first FETCH: " + fetched)
        assert_ok(send(conn, 'FAIL {"jid":"py-job-0001","errtype":"Boom","message":"failed"}'), "FAIL")
        state = http(admin + "/state", "GET")
        expect(state["retries"] == 1, "one retry: %s" % state)
        print("advanced to " + http(admin + "/advance?by=1h", "POST")["now"])
        again = send(conn, "FETCH default")
        expect("py-job-0001" in again, "second FETCH: " + again)
    verbs = [entry["verb"] for entry in http(admin + "/journal", "GET")]
    print("journal " + " ".join(verbs))
    expect(verbs.count("FETCH") == 2 and "FAIL" in verbs, "journal verbs: %s" % verbs)
    print("OK retried after advance")


def send(conn, line):
    conn.write(line.encode() + b"\r\n")
    conn.flush()
    return read(conn)


def read(conn):
    line = conn.readline().decode().rstrip("\r\n")
    if line.startswith("$") and line != "$-1":
        return conn.readline().decode().rstrip("\r\n")
    return line


def http(url, method):
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read().decode())


def assert_ok(reply, what):
    expect(reply == "+OK", what + ": " + reply)


def expect(condition, what):
    if not condition:
        print("FAILED " + what)
        sys.exit(1)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
