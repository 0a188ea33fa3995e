from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def import_dir(tmp_path: Path, app: Any) -> Path:
    """Uploaded files go to a directory of the test's own."""
    app.state.settings.import_dir = tmp_path / "imports"
    return tmp_path / "imports"
