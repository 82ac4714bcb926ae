"""Runs llama.cpp's OpenAI-protocol server for the embedded model, with the weights in plain CPU buffers.

Why not `python -m llama_cpp.server` as is: on Intel Xeons with AMX, llama.cpp puts the weights in an AMX buffer, and
on some of these machines its matrix multiply segfaults on the first prompt longer than one token (seen here on
2026-12-03 under gdb in `ggml_backend_amx_mul_mat`; llama.cpp issue 20824, closed without a fix). The server then
dies on its first real request, and every turn falls back to templates. Plain buffers run everywhere: 82 tokens/s
for SmolLM2-135M on 2 cores here, against the 45-60 measured with the default buffers where they worked.

llama-cpp-python does not expose the switch (`use_extra_bufts`) to its server, so it is set in the defaults the
server's `Llama` starts from.
"""

from __future__ import annotations

import runpy

import llama_cpp.llama_cpp as native

_defaults = native.llama_model_default_params


def plain_buffer_params():
    params = _defaults()
    params.use_extra_bufts = False
    return params


if __name__ == "__main__":
    native.llama_model_default_params = plain_buffer_params
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)
