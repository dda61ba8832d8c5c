"""Shared test fixtures: the repository root and a conversion of the real corpus (made once)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/site_support.py


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus():
    """The five documents converted in memory (BuildResult)."""
    from build_tools.pipeline import convert

    return convert(ROOT)
