"""The house keeps its layers: every import points down, and no two modules import each other.

    portal, typesetting  <  accounts  <  delegations  <  initiatives  <  registration  <  drafts
        <  pdfs
        <  summit, demo

`portal` and `typesetting` are the bottom layer and import no app; an app imports only the
layers below it (drafts may use initiatives, never the reverse). Where another app must
contribute to a lower one's page or file, the lower one offers a hook (a template tag, a
registry such as drafts.compilation.COMPILATION_FORMATS) and the upper one fills it.

Only imports at the top of a module count as arrows: an import inside a function is how one
real cycle is broken (a task and the service that sends it), and says so in a comment.
"""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [
    {"portal", "typesetting"},
    {"accounts"},
    {"delegations"},
    {"initiatives"},
    {"registration"},
    {"drafts"},
    {"pdfs"},
    {"summit", "demo"},
]
LEVEL = {app: level for level, apps in enumerate(LAYERS) for app in apps}


def _modules() -> dict[str, Path]:
    modules = {}
    for app in LEVEL:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _top_level_imports(name: str, path: Path, modules) -> set[str]:
    """First-party modules imported at the top of `name` (module level, not in functions)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text()).body:
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


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _top_level_imports(name, path, modules) for name, path in modules.items()}


def test_every_import_points_down_the_layers():
    upward = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if LEVEL[target.split(".")[0]] > LEVEL[module.split(".")[0]]
    ]
    assert not upward, "Imports from a lower layer to a higher one:\n" + "\n".join(upward)


def test_no_two_modules_import_each_other():
    graph = _graph()
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
    found = _top_level_imports("initiatives.probe", path, _modules())
    assert found == {"drafts.models"}  # the function-local import is not an arrow
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
