"""A minimal OpenAI-compatible chat server over a local GGUF model (cyllama): for hand-run evaluation.

    python scripts/llm_server.py MODEL.gguf [--port 8089] [--ctx 4096]

Not a dependency of the product or of CI: it exists so `eval/llm_run.py` can drive the language-model
mode against a real local model through the same LangChain `openai` provider a user would configure
(`BRIEVEN_LLM=openai:local BRIEVEN_LLM_BASE_URL=http://127.0.0.1:8089/v1`). cyllama's own server
(`python -m cyllama server`) falls back to a Python server that applies no chat template and does not
stream; this one applies the model's template (`LLM.chat`) and streams server-sent events. Greedy
decoding (temperature 0), so runs repeat. One request at a time (llama.cpp's context is not shared).
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model")
    ap.add_argument("--port", type=int, default=8089)
    ap.add_argument("--ctx", type=int, default=4096)
    ap.add_argument("--max-tokens", type=int, default=300, help="cap per reply (a request may ask fewer)")
    args = ap.parse_args()
    from cyllama.api import LLM, GenerationConfig  # hand-run only: cyllama is not a product dependency

    llm = LLM(
        args.model, config=GenerationConfig(n_ctx=args.ctx, temperature=0.0, max_tokens=args.max_tokens)
    )
    lock = threading.Lock()

    def config_for(body: dict[str, Any]) -> Any:
        wanted = body.get("max_tokens") or body.get("max_completion_tokens") or args.max_tokens
        return GenerationConfig(n_ctx=args.ctx, temperature=0.0, max_tokens=min(int(wanted), args.max_tokens))

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *a: Any) -> None:  # quiet
            pass

        def _json(self, data: dict[str, Any], status: int = 200) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                self._json({"object": "list", "data": [{"id": "local", "object": "model"}]})
            else:
                self._json({"error": "not found"}, 404)

        def do_POST(self) -> None:
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._json({"error": "not found"}, 404)
                return
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            messages = [{"role": m["role"], "content": _content(m.get("content"))} for m in body["messages"]]
            rid, created = f"chatcmpl-{uuid.uuid4().hex[:12]}", int(time.time())
            with lock:
                if not body.get("stream"):
                    text = str(llm.chat(messages, config=config_for(body)))
                    message = {"role": "assistant", "content": text}
                    choice = {"index": 0, "finish_reason": "stop", "message": message}
                    self._json({"id": rid, "object": "chat.completion", "created": created,
                                "model": "local", "choices": [choice]})  # fmt: skip
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for piece in llm.chat(messages, config=config_for(body), stream=True):
                    self._event(rid, created, {"content": str(piece)}, None)
                self._event(rid, created, {}, "stop")
                self.wfile.write(b"data: [DONE]\n\n")

        def _event(self, rid: str, created: int, delta: dict[str, str], finish: str | None) -> None:
            chunk = {"id": rid, "object": "chat.completion.chunk", "created": created, "model": "local",
                     "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}  # fmt: skip
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"serving {args.model} on http://127.0.0.1:{args.port}/v1", flush=True)
    server.serve_forever()
    return 0


def _content(content: Any) -> str:
    if isinstance(content, list):  # content blocks
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return str(content or "")


if __name__ == "__main__":
    raise SystemExit(main())
