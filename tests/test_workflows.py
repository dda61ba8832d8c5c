"""The CI workflows and templates: pull requests run the full suite in Debian, report on their
documents in the job summary and keep the build; Zensical builds too; main is deployed to Pages.

The files are only parsed here (GitHub runs them), so these tests guard against a workflow
silently losing its trigger, its test run, its review, its uploads or its Pages permissions.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from site_support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
TEMPLATES = ROOT / ".github"


def load_workflow(name: str) -> dict[str, Any]:
    """Parse a workflow; YAML 1.1 reads the key `on` as True, so it is put back under "on"."""
    path = WORKFLOWS / name
    assert path.is_file(), f"{path} is missing"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{name} is not a mapping"
    if True in data:
        data["on"] = data.pop(True)
    assert "on" in data, f"{name} has no trigger"
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    """The `on:` section as a mapping, whichever of the three YAML forms it is written in."""
    on = workflow["on"]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return job.get("steps") or []


def runs(job: dict[str, Any]) -> list[str]:
    """The shell commands of a job, one per line."""
    return [line.strip() for step in steps(job) for line in str(step.get("run", "")).splitlines()]


def uses(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    """The steps of `job` that use `action` (any version)."""
    return [step for step in steps(job) if str(step.get("uses", "")).split("@")[0] == action]


def paths_of(step: dict[str, Any]) -> list[str]:
    return [p.strip() for p in str((step.get("with") or {}).get("path", "")).splitlines() if p.strip()]


def permissions(workflow: dict[str, Any], job: dict[str, Any]) -> dict[str, str]:
    """Workflow-level permissions overridden by the job's own, as GitHub applies them."""
    return {**(workflow.get("permissions") or {}), **(job.get("permissions") or {})}


def assert_sets_up_python_and_node(job: dict[str, Any]) -> None:
    assert uses(job, "actions/checkout"), "the repository is not checked out"
    python = uses(job, "actions/setup-python")
    assert python and str(python[0]["with"]["python-version"]) == "3.11"
    assert uses(job, "actions/setup-node"), "npm (for the search worker shim) needs Node"


def assert_runs_in_debian_with_python(job: dict[str, Any]) -> None:
    """A Debian container with Python 3.11 (≥ 3.11.5 in current images): apt installs the real chromium."""
    container = job.get("container")
    image = container.get("image") if isinstance(container, dict) else container
    assert image and re.fullmatch(r"python:3\.11(\.\d+)?-(bookworm|trixie)", str(image)), image
    assert not uses(job, "actions/setup-python"), "the container's own Python is the one make uses"
    assert uses(job, "actions/checkout"), "the repository is not checked out"
    assert uses(job, "actions/setup-node"), "npm (for the search worker shim) needs Node"


@pytest.fixture(scope="module")
def pull_request() -> dict[str, Any]:
    return load_workflow("pull-request.yml")


@pytest.fixture(scope="module")
def deploy() -> dict[str, Any]:
    return load_workflow("deploy.yml")


def test_pull_request_trigger(pull_request: dict[str, Any]) -> None:
    assert "pull_request" in triggers(pull_request)


def test_pull_request_runs_make_test(pull_request: dict[str, Any]) -> None:
    jobs = [job for job in pull_request["jobs"].values() if "make test" in runs(job)]
    assert len(jobs) == 1, "exactly one job should run `make test`"
    assert_runs_in_debian_with_python(jobs[0])
    job_steps = steps(jobs[0])
    test_at = next(i for i, step in enumerate(job_steps) if "make test" in str(step.get("run", "")))
    upload_at = [i for i, step in enumerate(job_steps) if step in uses(jobs[0], "actions/upload-artifact")]
    assert upload_at and min(upload_at) > test_at, "the uploads come after `make test`"


def test_pull_request_uploads_site_and_bundle(pull_request: dict[str, Any]) -> None:
    uploads = [step for job in pull_request["jobs"].values() for step in uses(job, "actions/upload-artifact")]
    paths = [path for step in uploads for path in paths_of(step)]
    assert any(p.rstrip("/") == "site" for p in paths), paths
    assert any(p.startswith("dist/") and p.endswith(".zip") for p in paths), paths
    names = [step["with"].get("name") for step in uploads]
    assert len(set(names)) == len(names), f"artifact names must differ: {names}"
    site_upload = next(s for s in uploads if any(p.rstrip("/") == "site" for p in paths_of(s)))
    assert "always()" in str(site_upload.get("if", "")), "the site is kept even when tests fail"


def test_deploy_triggers(deploy: dict[str, Any]) -> None:
    on = triggers(deploy)
    assert set(on) == {"push", "workflow_dispatch"}, on
    assert on["push"]["branches"] == ["main"]


def test_deploy_builds_and_publishes_to_pages(deploy: dict[str, Any]) -> None:
    jobs = deploy["jobs"]
    builders = [name for name, job in jobs.items() if "make site" in runs(job)]
    assert len(builders) == 1, "exactly one job should run `make site`"
    build = jobs[builders[0]]
    assert_sets_up_python_and_node(build)
    artifact = uses(build, "actions/upload-pages-artifact")
    assert artifact and [p.rstrip("/") for p in paths_of(artifact[0])] == ["site"]

    deployers = [name for name, job in jobs.items() if uses(job, "actions/deploy-pages")]
    assert len(deployers) == 1, "exactly one job should deploy to Pages"
    job = jobs[deployers[0]]
    needs = job.get("needs")
    assert builders[0] in ([needs] if isinstance(needs, str) else needs or []), "deploy must wait for the build"
    environment = job.get("environment")
    assert (environment.get("name") if isinstance(environment, dict) else environment) == "github-pages"
    granted = permissions(deploy, job)
    assert granted.get("pages") == "write" and granted.get("id-token") == "write", granted
    assert permissions(deploy, build).get("contents") == "read", "the build only reads the repository"


def job_running(workflow: dict[str, Any], command: str) -> dict[str, Any]:
    jobs = [job for job in workflow["jobs"].values() if any(command in line for line in runs(job))]
    assert len(jobs) == 1, f"exactly one job should run {command!r}"
    return jobs[0]


def test_pull_request_writes_the_review_to_the_job_summary(pull_request: dict[str, Any]) -> None:
    job = job_running(pull_request, "make test")
    job_steps = steps(job)
    review = [i for i, step in enumerate(job_steps) if "-m build_tools review --base" in str(step.get("run", ""))]
    assert len(review) == 1, "one step runs the review"
    step = job_steps[review[0]]
    test_at = next(i for i, s in enumerate(job_steps) if "make test" in str(s.get("run", "")))
    assert review[0] > test_at, "the review uses the venv and pages `make test` built"
    assert "!cancelled()" in str(step.get("if", "")) or "always()" in str(step.get("if", "")), (
        "the report is written even when a test fails"
    )
    base = str((step.get("env") or {}).get("BASE", ""))
    assert base == "origin/${{ github.base_ref }}" and '--base "$BASE"' in step["run"], "base passed through env"
    checkout = uses(job, "actions/checkout")[0]
    assert (checkout.get("with") or {}).get("fetch-depth") == 0, "the base branch must be fetched"
    trusted = [i for i, s in enumerate(job_steps) if "safe.directory" in str(s.get("run", ""))]
    assert trusted and trusted[0] < review[0], "git refuses a checkout owned by another user in a container"


def test_pull_request_builds_with_zensical(pull_request: dict[str, Any]) -> None:
    job = job_running(pull_request, "make zensical")
    assert_sets_up_python_and_node(job)
    assert "make test" not in runs(job), "a job of its own, so a Zensical problem is seen apart"


def test_pull_request_template() -> None:
    text = (TEMPLATES / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for heading in ("## Documents added or corrected", "## Where the text comes from", "## What the quality report says"):
        assert heading in text
    assert "make check" in text


def test_conversion_error_issue_form() -> None:
    form = yaml.safe_load((TEMPLATES / "ISSUE_TEMPLATE" / "conversion-error.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"]
    fields = {f["id"]: f for f in form["body"] if "id" in f}
    assert list(fields)[:4] == ["document", "paragraph", "page-says", "original-says"]
    for key in ("document", "paragraph", "page-says", "original-says"):
        assert fields[key]["validations"]["required"] is True, key
        assert fields[key]["attributes"]["label"], key
