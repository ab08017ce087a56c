"""The wheel ships the styles and seeds the app needs."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from spacereader.ui.app import SpaceReaderApp

ROOT = Path(__file__).resolve().parents[2]


def test_every_css_path_exists_under_styles():
    for path in SpaceReaderApp.CSS_PATH:
        assert Path(path).is_file(), path
        assert Path(path).parent.name == "styles"


@pytest.mark.packaging
def test_wheel_contains_styles_and_seeds(tmp_path):
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    subprocess.run([uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "spacereader/styles/app.tcss" in names
    assert "spacereader/styles/dialogs.tcss" in names
    assert "spacereader/seeds/000_61f4a650ca5522b8.txt" in names
    assert not any(name.endswith("uv.lock") for name in names)
