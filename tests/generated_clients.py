"""Generating clients from the committed spec, as a partner's build would: the Python client
with openapi-python-client and the TypeScript types with openapi-typescript's default options.
Shared by the generator hygiene tests and the partner's day through the generated client."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "openapi.json"
BIN = Path(sys.executable).parent
NODE_BIN = ROOT / "frontend" / "node_modules" / ".bin"
PACKAGE = "gwella_api_client"


def generate_python_client(out: Path) -> subprocess.CompletedProcess[str]:
    """``openapi-python-client generate`` in ``out`` (the package lands in ``out/PACKAGE``)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(  # noqa: S603 - our own tool on our own spec
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(ROOT / "openapi" / "python-client.yaml"),
            "--meta",
            "none",
        ],
        cwd=out,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def generate_typescript(target: Path) -> subprocess.CompletedProcess[str]:
    """``openapi-typescript`` with no options at all (what a partner runs first)."""
    return subprocess.run(  # noqa: S603 - our own tool on our own spec
        [str(NODE_BIN / "openapi-typescript"), str(SPEC), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def typecheck(directory: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """``tsc --strict --noEmit`` over the given files."""
    return subprocess.run(  # noqa: S603 - the SPA's own compiler
        [
            str(NODE_BIN / "tsc"),
            "--strict",
            "--noEmit",
            "--target",
            "es2022",
            "--module",
            "esnext",
            "--moduleResolution",
            "bundler",
            "--skipLibCheck",
            "false",
            *files,
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@contextmanager
def imported_client(out: Path) -> Iterator[ModuleType]:
    """The package generated in ``out``, importable while the block runs."""
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.startswith(PACKAGE)]:
            del sys.modules[name]
