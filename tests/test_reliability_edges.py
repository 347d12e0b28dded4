"""The edges a user or an attacker touches: terminal output, the HTTP API, uploads, symbolic links,
text encodings, empty folders, --quiet, and a running server that sees new letters."""

from __future__ import annotations

import http.client
import json
import os
import pty
import select
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from assistant.cli import main
from ingest.settings import Settings
from ingest.store import Store
from tests import input_files as f
from tests.reliability_support import DEMO, FAKE_CLI, ROOT, cli_env, fake_cli, letter_text, use_fake_model

D000 = DEMO / "000_942beb3f78852484.txt"
HOSTILE = (
    "Datum 3 maart 2025\nBetreft Zeppelin\x1b]0;owned\x07beleid\n\n"
    "De minister \x1b[2Jzegt toe\x9b5m dat het zeppelinbeleid\u202e komt.\r\n"
)
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return use_fake_model(monkeypatch)


# -- terminal output -------------------------------------------------------------------------------


def test_control_and_escape_characters_from_a_letter_are_never_printed_raw(tmp_path, capsys, fake_model):
    index = tmp_path / "idx"
    letter = f.write(tmp_path, "brief.txt", HOSTILE)
    odd_name = f.write(tmp_path, "naam\x1b[31m.doc", b"x")
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(letter), str(odd_name)]) == 1
    outputs = [capsys.readouterr()]
    for args in (["search", "zeppelinbeleid"], ["ask", "wat zegt de minister over zeppelinbeleid?"]):
        assert main([*args, "--index", str(index), *fake_model]) == 0
        outputs.append(capsys.readouterr())
    for captured in outputs:
        for ch in UNSAFE:
            assert ch not in captured.out + captured.err, (ch, captured)
    assert "\\u001b]0;owned\\u0007beleid" in outputs[1].out  # shown, inert
    # JSON output stays exact: the escapes decode to the letter's own characters
    assert main(["export", "--index", str(index), *fake_model, "--letters"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["title"].startswith("Zeppelin\x1b]0;owned\x07beleid")


def test_clean_keeps_text_and_layout():
    from assistant.cli import clean

    assert clean("Kamerbrief – ‘citaat’ € 5\tkolom\nregel") == "Kamerbrief – ‘citaat’ € 5\tkolom\nregel"
    assert clean("a\x1b[2Jb\x00c\ud800") == "a\\u001b[2Jb\\u0000c\\ud800"


# -- the HTTP API ----------------------------------------------------------------------------------


@contextmanager
def served(settings: Settings, engine):
    import uvicorn

    from assistant.app import create_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_server(settings, engine)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(600):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def request(url: str, body: bytes | None = None, method: str = "POST", headers: dict | None = None):
    """Status and body of one request. A server that refuses a large body answers and closes before
    the client has sent it all (what the 413 is for), so a broken pipe while sending still reads the
    answer the server gave."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.putrequest(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        for name, value in {**(headers or {}), "Content-Length": str(len(body or b""))}.items():
            conn.putheader(name, value)
        conn.endheaders()
        try:
            if body:
                conn.send(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered early; its answer is read below
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def api():
    from tests.assistant_fakes import corpus, engine

    eng = engine()
    eng.letters = corpus()[0]
    limits = {"max_file_bytes": 2_000, "max_upload_bytes": 6_000, "max_upload_files": 3}
    settings = Settings(**{k: v for k, v in limits.items() if k in Settings.__dataclass_fields__})
    with served(settings, eng) as url:
        yield url


JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'{"question": ""}', "empty"),
        (b'{"question": "   \\n\\t "}', "blank"),
        (b'{"question": "MitID \\ud800?"}', "lone surrogate"),
        (b'{"question": "MitID", "letters": ["\\udfff"]}', "lone surrogate in a letter id"),
        (json.dumps({"question": "MitID " * 400}).encode(), "too long"),
        (b'{"question": 42}', "not text"),
        (b'{"question": "MitID",', "broken JSON"),
        (b'{"question": "MitID \xff\xfe"}', "not UTF-8"),
    ],
)
def test_bad_questions_are_422_never_500(api, body, why):
    status, reply = request(f"{api}/api/ask", body, headers=JSON)
    assert status in (400, 422), (why, status, reply)
    assert status == 422 or why == "not UTF-8", (why, status)
    json.loads(reply)  # a JSON reply, whatever was sent


def test_a_good_question_still_gets_its_answer(api):
    status, reply = request(
        f"{api}/api/ask", json.dumps({"question": "what was promised on MitID?"}).encode(), headers=JSON
    )
    assert status == 200 and json.loads(reply)["citations"]


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_wrong_methods_on_api_ask_are_405(api, method):
    status, reply = request(f"{api}/api/ask", b"{}" if method != "GET" else None, method=method)
    assert status == 405 and "POST" in json.loads(reply)["detail"]


def test_an_oversized_body_is_refused_before_it_is_read(api):
    status, _ = request(f"{api}/api/ask", b'{"question": "' + b"a" * 1_100_000 + b'"}', headers=JSON)
    assert status == 413


def _multipart(files: list[tuple[str, bytes]]) -> tuple[bytes, dict]:
    boundary = "brievengrens"
    parts = b""
    for name, data in files:
        parts += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                "Content-Type: text/plain\r\n\r\n"
            ).encode()
            + data
            + b"\r\n"
        )
    return parts + f"--{boundary}--\r\n".encode(), {
        "Content-Type": f"multipart/form-data; boundary={boundary}"
    }


@pytest.mark.parametrize(
    ("files", "status"),
    [
        ([("a.txt", b"brief")] * 2, 200),
        ([("a.txt", b"brief")] * 4, 413),  # more files than max_upload_files
        ([("groot.txt", b"x" * 2_500)], 413),  # one file over max_file_bytes (Gradio's own limit)
        ([("a.txt", b"x" * 1_900)] * 3 + [("b.txt", b"x" * 1_000)], 413),  # all together over the limit
    ],
)
def test_uploads_are_limited_in_size_and_count(api, files, status):
    body, headers = _multipart(files)
    got, reply = request(f"{api}/gradio_api/upload", body, headers=headers)
    assert got == status, reply


# -- a running server picks up new snapshots --------------------------------------------------------


def test_a_running_server_answers_from_letters_ingested_after_it_started(tmp_path):
    """`brieven serve` in its own process; an ingest in another; the next answer cites the new letter."""
    from tests.load_harness import Server, ask

    index = tmp_path / "idx"
    assert fake_cli("ingest", "--index", str(index), "--quiet", str(D000)).returncode == 0
    question = "Wat is er toegezegd over het zeppelinbeleid?"
    server = Server(index, fake=True)
    try:
        server.wait_ready()
        status, data, _ = ask(server.url, question)
        assert status == 200 and all("zeppelin" not in c["quote"].lower() for c in data["citations"])
        new = f.write(tmp_path / "nieuw", "zeppelin.txt", letter_text(7, topic="zeppelinbeleid toegezegd"))
        assert fake_cli("ingest", "--index", str(index), "--quiet", str(new)).returncode == 0
        status, data, _ = ask(server.url, question)
    finally:
        server.stop()
    new_id = next(x.id for x in Store(index).load().letters.values() if x.source == str(new))
    assert status == 200 and data["citations"] and data["citations"][0]["letter_id"] == new_id


# -- files and folders ------------------------------------------------------------------------------


def test_symlinks_out_of_the_given_folder_are_not_followed_unless_asked(tmp_path, capsys, fake_model):
    folder, outside = tmp_path / "in", tmp_path / "buiten"
    f.write(folder, "brief.txt", letter_text(1))
    secret = f.write(outside, "geheim.txt", letter_text(2))
    f.write(outside / "map", "ook-geheim.txt", letter_text(3))
    (folder / "link.txt").symlink_to(secret)
    (folder / "maplink").symlink_to(outside / "map")
    (folder / "binnen.txt").symlink_to(folder / "brief.txt")  # inside: the same letter, read once
    index = tmp_path / "idx"
    assert main(["ingest", "--index", str(index), *fake_model, "--quiet", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"skipped {folder / 'link.txt'}: symbolic link to {secret}, outside the paths given" in err
    assert f"skipped {folder / 'maplink'}: symbolic link to {outside / 'map'}" in err
    assert "--follow-symlinks" in err and len(Store(index).load().letters) == 1
    assert (
        main(["ingest", "--index", str(index), *fake_model, "--quiet", "--follow-symlinks", str(folder)]) == 0
    )
    assert len(Store(index).load().letters) == 3


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path, capsys, fake_model, codec):
    path = f.write(tmp_path, "brief.txt", D000.read_text(encoding="utf-8").encode(codec))
    assert main(["ingest", "--index", str(tmp_path / "idx"), *fake_model, "--quiet", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(no byte-order mark)" in out
    from tests.letter_ids import demo_id

    assert list(Store(tmp_path / "idx").load().letters) == [demo_id("000")]  # the same letter as in UTF-8


@pytest.mark.parametrize("content", [None, ".verborgen.txt"])
def test_an_empty_folder_is_reported_and_exits_non_zero(tmp_path, capsys, fake_model, content):
    folder = tmp_path / "leeg"
    folder.mkdir()
    if content:
        f.write(folder, content, letter_text(1))
    assert main(["ingest", "--index", str(tmp_path / "idx"), *fake_model, "--quiet", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"skipped {folder}: no files to read in this folder" in err
    assert not (tmp_path / "idx").exists()


def _in_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run a command with a pseudo-terminal as stdout and stderr; everything it wrote."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        args, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 600)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
    proc.wait(timeout=600)
    os.close(leader)
    return out.decode("utf-8", "replace")


@pytest.mark.parametrize("quiet", [True, False])
def test_quiet_prints_no_progress_bar(tmp_path, quiet):
    args = [sys.executable, "-c", FAKE_CLI, "ingest", "--index", str(tmp_path / "idx"), str(D000)]
    out = _in_a_terminal(args + ["--model", "fake-hash"] + (["--quiet"] if quiet else []), cli_env())
    assert "letters: 1 added" in out
    assert ("ingest:" in out) is not quiet and ("\r" in out.replace("\r\n", "")) is not quiet


@pytest.mark.slow
def test_quiet_silences_the_model_loading_bar_too(tmp_path):
    env = cli_env()
    env.pop("BRIEVEN_MODEL", None)
    args = [
        sys.executable,
        "-m",
        "assistant.cli",
        "ingest",
        "--index",
        str(tmp_path / "idx"),
        "--quiet",
        str(D000),
    ]
    out = _in_a_terminal(args, env)
    assert "letters: 1 added" in out and "Loading" not in out and "%|" not in out


def test_the_page_api_refuses_an_over_long_question_with_its_reason(api):
    from gradio_client import Client

    client = Client(f"{api}/", verbose=False)
    with pytest.raises(Exception, match="the limit is 2,000"):
        client.predict("MitID " * 400, [], "", "", api_name="/ask")
    assert client.predict("what was promised on MitID?", [], "", "", api_name="/ask")["citations"]
