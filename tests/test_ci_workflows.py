"""The workflow files: valid YAML with the jobs and steps the project relies on."""

from __future__ import annotations

from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_pull_requests_run_the_suite_and_upload_site_and_bundle() -> None:
    wf = load("pull-request.yml")
    assert "pull_request" in wf["on"]
    all_steps = steps(wf)
    assert any(s.get("run", "").strip() == "make test" for s in all_steps)
    uploads = [s["with"]["path"] for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert "site/" in uploads and "dist/*.zip" in uploads


def test_main_is_built_and_deployed_to_pages() -> None:
    wf = load("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    build = wf["jobs"]["build"]["steps"]
    assert any(s.get("run", "").strip() == "make site" for s in build)
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and s["with"]["path"] == "site/" for s in build)
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
