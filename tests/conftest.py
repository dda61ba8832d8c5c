"""Shared test fixtures: the corpus converted once, and the served site, bundle and browser."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/site_support.py

from site_support import built_site, chromium, serve, unzip_bundle  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus():
    """The five documents converted in memory (BuildResult)."""
    from build_tools.pipeline import convert

    return convert(ROOT)


# Session-scoped fixtures of the site and browser tests: defined once here, shared by every module.


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """Base URL of site/ served on loopback for the whole session."""
    with serve(built_site()) as url:
        yield url


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline bundle unzipped once into a world-readable temp folder."""
    target = tmp_path_factory.mktemp("offline-bundle")
    return unzip_bundle(target)


@pytest.fixture(scope="session")
def bundle_url(bundle_dir: Path) -> Iterator[str]:
    """Base URL of the unzipped offline bundle served on loopback."""
    with serve(bundle_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator["Browser"]:
    """One Chromium for all browser tests."""
    with chromium() as b:
        yield b

