"""A mixed load on loopback: N clients ask over HTTP while an ingest of new letters runs, repeated.

Shared by the CI test (tests/test_fault_load.py, hashing embedder) and the benchmark with the real
model (benchmarks/bench_load.py). Each run: start an ingest of new letters in its own process, let
the clients ask their questions meanwhile, wait for the ingest, then ask about the new letters (the
server must have swapped to the new snapshot) and read the server's resident memory.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Resident memory of a process (VmRSS), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def env_for(fake: bool) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "OMP_WAIT_POLICY": "passive"}
    env.setdefault("OMP_NUM_THREADS", "1")
    env.pop("BRIEVEN_FAULT_AT", None)
    if not fake:
        env.pop("BRIEVEN_MODEL", None)
    return env


class Server:
    """`brieven serve` in a subprocess on a free loopback port."""

    def __init__(self, index: Path, fake: bool) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [sys.executable, "-m", "tests.serve_index", "--index", str(index), "--port", str(self.port)]
        self.proc = subprocess.Popen(
            args + (["--fake"] if fake else []),
            env=env_for(fake),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_ready(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/openapi.json", timeout=5):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def rss_kib(self) -> int:
        return rss_kib(self.proc.pid)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def ask(url: str, question: str, timeout: float = 120) -> tuple[int, dict | None, float]:
    body = json.dumps({"question": question}).encode()
    req = urllib.request.Request(
        f"{url}/api/ask", data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            data = json.loads(response.read())
            return response.status, data, time.perf_counter() - start
    except urllib.error.HTTPError as exc:
        return exc.code, None, time.perf_counter() - start
    except (urllib.error.URLError, OSError, ValueError):
        return 0, None, time.perf_counter() - start


def ingest_command(index: Path, paths: list[Path], fake: bool) -> list[str]:
    if fake:
        from tests.reliability_support import FAKE_CLI

        return [
            sys.executable,
            "-c",
            FAKE_CLI,
            "ingest",
            "--index",
            str(index),
            "--quiet",
            "--model",
            "fake-hash",
        ] + [str(p) for p in paths]
    return [sys.executable, "-m", "assistant.cli", "ingest", "--index", str(index), "--quiet"] + [
        str(p) for p in paths
    ]


@dataclass
class RunFigures:
    run: int
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    rss_before_kib: int = 0
    rss_after_kib: int = 0
    letters_before: int = 0
    letters_after: int = 0
    new_letters_cited: bool = False  # every question about a new letter was answered from new letters
    new_cited: int = 0
    new_total: int = 0
    asked_during_ingest: int = 0
    ingest_s: float = 0.0
    error_samples: list[str] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0

    def line(self) -> str:
        return (
            f"run {self.run}: {self.requests} requests, {self.errors} errors, "
            f"p50 {self.percentile(0.5) * 1000:.0f} ms, p95 {self.percentile(0.95) * 1000:.0f} ms, "
            f"{self.asked_during_ingest} answered while the ingest ran ({self.ingest_s:.1f} s); "
            f"memory {self.rss_before_kib / 1024:.0f} -> {self.rss_after_kib / 1024:.0f} MiB; "
            f"letters {self.letters_before} -> {self.letters_after}; "
            f"answers after the swap cite the new letters: {'yes' if self.new_letters_cited else 'NO'} "
            f"({self.new_cited} of {self.new_total} new letters cited)"
        )


def letters_in(index: Path) -> dict[str, str]:
    from ingest.store import Store

    return {x.id: x.source for x in Store(index).load().letters.values()}


def one_run(
    n: int,
    server: Server,
    index: Path,
    new_files: list[Path],
    probes: list[str],
    questions: list[str],
    clients: int,
    per_client: int,
    fake: bool,
    probe_for: Callable[[Path], str] | None = None,
) -> RunFigures:
    """One run of the mixed load; `probes` ask about the new letters once the ingest is done (or,
    with probe_for, one question made from each new file's letter as stored)."""
    figures = RunFigures(run=n, rss_before_kib=server.rss_kib(), letters_before=len(letters_in(index)))
    lock = threading.Lock()
    ingest_done = threading.Event()

    def client(c: int) -> None:
        for i in range(per_client):
            question = questions[(c * per_client + i) % len(questions)]
            status, data, seconds = ask(server.url, question)
            ok = status == 200 and data is not None and "answer" in data
            with lock:
                figures.requests += 1
                figures.latencies.append(seconds)
                figures.asked_during_ingest += 0 if ingest_done.is_set() else 1
                if not ok:
                    figures.errors += 1
                    if len(figures.error_samples) < 5:
                        figures.error_samples.append(f"{status}: {question}")

    start = time.perf_counter()
    ingest = subprocess.Popen(
        ingest_command(index, new_files, fake),
        env=env_for(fake),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    out, err = ingest.communicate(timeout=1800)
    figures.ingest_s = time.perf_counter() - start
    ingest_done.set()
    if ingest.returncode != 0:
        raise RuntimeError(f"ingest failed ({ingest.returncode}): {err}\n{out}")
    for t in threads:
        t.join()
    after = letters_in(index)
    figures.letters_after = len(after)
    new_ids = {key for key, source in after.items() if Path(source) in {Path(p) for p in new_files}}
    if probe_for is not None:
        probes = [probe_for(Path(after[key])) for key in sorted(new_ids)]
    cited: set[str] = set()
    every_probe = bool(probes)
    for probe in probes:
        status, data, seconds = ask(server.url, probe)
        figures.requests += 1
        figures.latencies.append(seconds)
        if status != 200 or data is None:
            figures.errors += 1
            every_probe = False
            continue
        named = {c["letter_id"] for c in data["citations"]} | {h["letter_id"] for h in data["see_also"]}
        every_probe = every_probe and bool(named & new_ids)  # this answer rests on the new snapshot
        cited |= named & new_ids
    figures.new_letters_cited = every_probe
    figures.new_cited, figures.new_total = len(cited), len(new_ids)
    figures.rss_after_kib = server.rss_kib()
    return figures


def summary(runs: list[RunFigures]) -> str:
    first, last = runs[0].rss_after_kib, runs[-1].rss_after_kib
    lines = [r.line() for r in runs]
    total = sum(r.requests for r in runs)
    errors = sum(r.errors for r in runs)
    latencies = [x for r in runs for x in r.latencies]
    p50 = statistics.median(latencies) * 1000
    change = 100 * (last - first) / first
    lines.append(
        f"all: {total} requests, {errors} errors, p50 {p50:.0f} ms; memory after run {len(runs)} is "
        f"{change:+.1f}% of run 1 ({first / 1024:.0f} -> {last / 1024:.0f} MiB)"
    )
    return "\n".join(lines)
