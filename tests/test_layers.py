"""The house keeps its layers: every import, every relation between models and every `{% load %}`
of a template tag library points down, and no two modules import each other.

    portal, typesetting  <  accounts, programme  <  delegations  <  initiatives  <  registration
        <  drafts  <  consultation  <  adoption  <  register, live  <  submissions  <  akn, pdfs
        <  search, subscriptions  <  summit, demo

`portal` and `typesetting` are the bottom layer and import no app; an app uses only the layers
below it (drafts may use initiatives, never the reverse), or its own. Where another app must
contribute to a lower one's page or file, the lower one offers a hook (a slot filled through
portal/hooks.py, `{% hook "initiative.documents" initiative %}`, or a registry such as
drafts.compilation.COMPILATION_FORMATS) and the upper one fills it. An app of the plan that does
not exist (yet) in this tree is simply absent.

Three kinds of arrow are checked:

- imports: every one, at the top of a module or inside a function: a late import is no way
  around a cycle (a task lives beside the service that sends it, as pretix keeps them);
- relations: every ForeignKey, OneToOneField and ManyToManyField of a first-party model to
  another first-party app's model. A historical model (simple-history) belongs to the app of
  the model it records and carries the same relations, so it is judged like that model;
- template loads: a template belongs to the app of its folder (`templates/<folder>/`, mapped
  by TEMPLATE_FOLDERS; `<app>/templates/` to that app; a template at the root of `templates/`,
  base.html, to the ground floor), and a library to the app whose `templatetags/` holds it;
  Django's and third-party libraries (i18n, static, tz, rules, allauth…) are free.
"""

import ast
import re
from collections import defaultdict
from pathlib import Path

from django.apps import apps as django_apps
from django.db import models
from django.test.utils import isolate_apps

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [
    {"portal", "typesetting"},
    {"accounts", "programme"},
    {"delegations"},
    {"initiatives"},
    {"registration"},
    {"drafts"},
    {"consultation"},
    {"adoption"},
    {"register", "live"},
    {"submissions"},
    {"akn", "pdfs"},
    {"search", "subscriptions"},
    {"summit", "demo"},
]
LEVEL = {app: level for level, apps in enumerate(LAYERS) for app in apps}
# The folders of templates/ whose name is not their app's.
TEMPLATE_FOLDERS = {"account": "accounts", "allauth": "accounts", "mfa": "accounts", "pdf": "pdfs"}
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}


def _modules() -> dict[str, Path]:
    modules = {}
    for app in LEVEL:
        if not (ROOT / app).is_dir():
            continue
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _top_level_imports(name: str, path: Path, modules, *, anywhere: bool = False) -> set[str]:
    """First-party modules imported at the top of `name` (module level, not in functions),
    or `anywhere` in it (in functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree) if anywhere else tree.body:
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _graph(*, anywhere: bool = False) -> dict[str, set[str]]:
    modules = _modules()
    return {
        name: _top_level_imports(name, path, modules, anywhere=anywhere)
        for name, path in modules.items()
    }


def test_every_import_points_down_the_layers():
    upward = [
        f"{module} imports {target}"
        for module, targets in _graph(anywhere=True).items()
        for target in targets
        if LEVEL[target.split(".")[0]] > LEVEL[module.split(".")[0]]
    ]
    assert not upward, "Imports from a lower layer to a higher one:\n" + "\n".join(upward)


def test_no_two_modules_import_each_other():
    # Imports inside functions count too: a cycle broken by a late import is still a cycle
    # (a task lives beside its service instead, as pretix keeps them).
    graph = _graph(anywhere=True)
    index, low, on_stack, stack, cycles = {}, {}, set(), [], []
    counter = iter(range(10**6))

    def visit(node):  # Tarjan's strongly connected components
        index[node] = low[node] = next(counter)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    assert not cycles, f"Import cycles: {cycles}"


def test_the_checker_sees_an_upward_import(tmp_path):
    path = tmp_path / "probe.py"
    path.write_text("from drafts.models import Revision\n\ndef f():\n    import pdfs.models\n")
    modules = _modules()
    assert _top_level_imports("initiatives.probe", path, modules) == {"drafts.models"}
    # A late import inside a function is an arrow like any other.
    found = _top_level_imports("initiatives.probe", path, modules, anywhere=True)
    assert found == {"drafts.models", "pdfs.models"}
    assert LEVEL["drafts"] > LEVEL["initiatives"]


def test_the_bottom_layer_imports_no_app():
    graph = _graph()
    bottom = {
        module: targets for module, targets in graph.items() if LEVEL[module.split(".")[0]] == 0
    }
    reached = defaultdict(set)
    for module, targets in bottom.items():
        for target in targets:
            if LEVEL[target.split(".")[0]] > 0:
                reached[module].add(target)
    assert not reached


def _app_of_model(model) -> str:
    return model._meta.app_config.name.split(".")[0]


def _relation_arrows(model_classes) -> list[tuple[str, str, str]]:
    """(model.field, its app, the related model's app) for every forward relation between two
    first-party apps. Reverse relations are the other side of one of these and not listed."""
    arrows = []
    for model in model_classes:
        source = _app_of_model(model)
        if source not in LEVEL:
            continue
        for field in model._meta.get_fields(include_hidden=True):
            if not (isinstance(field, models.Field) and field.is_relation):
                continue
            target = _app_of_model(field.related_model)
            if target in LEVEL and target != source:
                arrows.append((f"{model._meta.label}.{field.name}", source, target))
    return arrows


def _upward_relations(model_classes) -> list[str]:
    return [
        f"{name} ({source}) points to {target}"
        for name, source, target in _relation_arrows(model_classes)
        if LEVEL[target] > LEVEL[source]
    ]


def test_every_relation_points_down_the_layers():
    # Historical models are registered in the app of the model they record: get_models() lists
    # them there, with the recorded model's relations (and history_user, to accounts).
    everything = django_apps.get_models(include_auto_created=True)
    assert any(model.__name__.startswith("Historical") for model in everything)
    upward = _upward_relations(everything)
    assert not upward, "Relations from a lower layer to a higher one:\n" + "\n".join(upward)


def test_the_checker_sees_an_upward_relation():
    from drafts.models import Revision

    with isolate_apps("initiatives"):

        class Probe(models.Model):
            revision = models.ForeignKey(Revision, on_delete=models.CASCADE)
            others = models.ManyToManyField(Revision, related_name="+")

            class Meta:
                app_label = "initiatives"

            def __str__(self):
                return "probe"

        assert _upward_relations([Probe]) == [
            "initiatives.Probe.revision (initiatives) points to drafts",
            "initiatives.Probe.others (initiatives) points to drafts",
        ]


def _libraries() -> dict[str, str]:
    """Template tag library name -> the first-party app whose templatetags/ holds it."""
    return {
        path.stem: app
        for app in LEVEL
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def _template_app(relative: Path) -> str:
    """The app a template belongs to, from its path relative to the project root."""
    if relative.parts[0] == "templates":
        inside = relative.parts[1:]
        if len(inside) == 1:
            return "portal"  # base.html and the other shared templates: the ground floor
        folder = inside[0]
        return TEMPLATE_FOLDERS.get(folder, folder)
    return relative.parts[0]  # <app>/templates/…


def _templates() -> dict[Path, str]:
    roots = [ROOT / "templates"] + [ROOT / app / "templates" for app in LEVEL]
    return {
        path.relative_to(ROOT): _template_app(path.relative_to(ROOT))
        for root in roots
        if root.is_dir()
        for path in root.rglob("*")
        if path.suffix in TEMPLATE_SUFFIXES
    }


_LOAD = re.compile(r"{%-?\s*load\s+(.*?)\s*-?%}", re.DOTALL)


def _loaded_libraries(text: str) -> set[str]:
    """Every library named by a `{% load a b %}` or `{% load tag from a %}` in `text`."""
    found = set()
    for match in _LOAD.finditer(text):
        words = match.group(1).split()
        found.update(words[words.index("from") + 1 :] if "from" in words else words)
    return found


def _upward_loads(app: str, text: str, libraries: dict[str, str]) -> list[str]:
    return sorted(
        library
        for library in _loaded_libraries(text)
        if library in libraries and LEVEL[libraries[library]] > LEVEL[app]
    )


def test_every_template_knows_its_app():
    unknown = {str(path): app for path, app in _templates().items() if app not in LEVEL}
    assert not unknown, f"Templates of no app on the plan (map their folder): {unknown}"


def test_every_template_load_points_down_the_layers():
    libraries = _libraries()
    upward = [
        f"{path} ({app}) loads {library} ({libraries[library]})"
        for path, app in sorted(_templates().items())
        if app in LEVEL
        for library in _upward_loads(app, (ROOT / path).read_text(), libraries)
    ]
    assert not upward, "Templates loading a higher layer's tags:\n" + "\n".join(upward)


def test_the_checker_sees_an_upward_load():
    libraries = {"outcome_documents": "drafts", "hooks": "portal"}
    page = '{% extends "base.html" %}{% load i18n hooks %}{% load lined_paragraph from outcome_documents %}'
    assert _upward_loads("initiatives", page, libraries) == ["outcome_documents"]
    assert _upward_loads("drafts", page, libraries) == []
    assert _template_app(Path("templates/pdf/revision.html")) == "pdfs"
    assert _template_app(Path("templates/base.html")) == "portal"
    assert _template_app(Path("drafts/templates/drafts/x.html")) == "drafts"
    assert _libraries()["outcome_documents"] == "drafts"
