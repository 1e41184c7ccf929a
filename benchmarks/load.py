"""Load benchmark: N concurrent clients against `wirescope serve` on 127.0.0.1.

    .venv/bin/python benchmarks/load.py --db wirescope.db --clients 20 --requests 10

Starts the server as its own process (as a user runs it), then each client thread asks for the
pages and API listings an analyst opens, in turn, `--requests` times. Prints requests per second
and the p50 / p99 latency of each path, and over all.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time

import httpx

PATHS = [
    "/",
    "/api/events?limit=20",
    "/list/events",
    "/timeline",
    "/map",
    "/network",
    "/contested",
    "/api/claims",
    "/quotes",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited with code {process.returncode}")
        try:
            httpx.get(url + "/api/articles?limit=1", timeout=2).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    sys.exit(f"the server did not answer on {url} within {seconds:.0f} s")


def client(url: str, rounds: int, timings: dict[str, list[float]], lock: threading.Lock) -> None:
    with httpx.Client(base_url=url, timeout=120) as http:
        for _ in range(rounds):
            for path in PATHS:
                start = time.perf_counter()
                http.get(path).raise_for_status()
                took = time.perf_counter() - start
                with lock:
                    timings[path].append(took)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=5, help="rounds over the paths per client")
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "wirescope", "serve", "--db", args.db, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(url, server)
        for path in PATHS:  # warm caches and templates once, outside the clock
            httpx.get(url + path, timeout=120).raise_for_status()
        timings: dict[str, list[float]] = {p: [] for p in PATHS}
        lock = threading.Lock()
        threads = [
            threading.Thread(target=client, args=(url, args.requests, timings, lock)) for _ in range(args.clients)
        ]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    every = [t for ts in timings.values() for t in ts]
    print(f"{args.clients} clients, {len(every)} requests in {wall:.1f} s: {len(every) / wall:.1f} requests/s")
    for path, ts in [*timings.items(), ("all", every)]:
        print(f"{path:<24} p50 {1000 * percentile(ts, 50):8.0f} ms   p99 {1000 * percentile(ts, 99):8.0f} ms")


if __name__ == "__main__":
    main()
