"""Refresh the translation catalogues from the sources, then compile them.

    python resources/translations/refresh.py            # update every catalogue, then compile them
    python resources/translations/refresh.py --release  # only compile (.ts -> .qm, .po -> .mo)
    python resources/translations/refresh.py de_DE      # also start the catalogues of a new language

Two kinds of catalogue: the window's (Qt: ``resources/translations/orderapp_<lang>.ts`` -> ``.qm``) and
the core's messages marked with ``_()`` (gettext: ``resources/locale/<lang>/LC_MESSAGES/orderapp.po``
-> ``.mo``, with Babel, a test dependency).

lupdate (from PySide6) reads ``self.tr(...)``, ``QCoreApplication.translate("Context", "text")`` and the
``ui/*.ui`` forms. It cannot see two patterns the GUI also uses, so this script finds those with Python's
``ast`` and hands them to lupdate as plain ``translate`` calls in a scratch file:

- a module-level helper ``def _tr(text): return QCoreApplication.translate("Context", text)`` called
  as ``_tr("text")``;
- ``QCoreApplication.translate(context, "text")`` where ``context`` is a local name bound to a string.

The locations lupdate records for those point back at the real file and line. New messages arrive as
``type="unfinished"``: translate them (Qt Linguist: ``pyside6-linguist``, or edit the XML) and run again.

For gettext, Babel extracts the ``_("literal")`` calls of ``orderapp/`` (not ``gui/``), plus the strings
the core passes to ``_()`` through a name: the values of a module-level dict looked up inside ``_()``
(``_(_STATUS_WORDS[status])``) and module-level string constants (``_(DATABASE_HELP)``). New messages
arrive with an empty ``msgstr`` (shown in English until translated); a changed one is dropped, never
guessed (no fuzzy matching).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = sorted([*(ROOT / "orderapp" / "gui").glob("*.py"), *(ROOT / "ui").glob("*.ui")])
SCRATCH_NAME = "hidden_messages.py"
CORE = ROOT / "orderapp"
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "orderapp"


@dataclass(frozen=True)
class Hidden:
    context: str
    text: str
    path: Path
    line: int


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (a virtualenv), else on PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this Python's environment")
    return found


def _is_translate(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "translate"


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def name(text): return <...>.translate("Context", text)`` -> {name: Context}."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [statement for statement in node.body if not isinstance(statement, ast.Expr)]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) == 2:
            context = _string(call.args[0])
            if context is not None and isinstance(call.args[1], ast.Name):
                helpers[node.name] = context
    return helpers


def _bound_strings(scope: ast.AST) -> dict[str, str]:
    """Names bound once to a string literal in ``scope`` (its own statements, not nested functions)."""
    bound: dict[str, str] = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = _string(node.value)
            if value is not None:
                bound[node.targets[0].id] = value
    return bound


def hidden_messages(path: Path) -> Iterator[Hidden]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    helpers = _helper_contexts(tree)
    scopes: list[ast.AST] = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]
    seen: set[tuple[int, int]] = set()
    for scope in scopes:
        bound = _bound_strings(scope) if scope is not tree else {}
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or (node.lineno, node.col_offset) in seen:
                continue
            if isinstance(node.func, ast.Name) and node.func.id in helpers and len(node.args) == 1:
                text = _string(node.args[0])
                if text:
                    seen.add((node.lineno, node.col_offset))
                    yield Hidden(helpers[node.func.id], text, path, node.lineno)
            elif _is_translate(node.func) and len(node.args) >= 2 and isinstance(node.args[0], ast.Name):
                context, text = bound.get(node.args[0].id), _string(node.args[1])
                if context and text:
                    seen.add((node.lineno, node.col_offset))
                    yield Hidden(context, text, path, node.lineno)


def write_scratch(messages: list[Hidden], folder: Path) -> Path:
    """One ``translate`` call per line: line N of the scratch file stands for messages[N - 1]."""
    scratch = folder / SCRATCH_NAME
    lines = [f"QCoreApplication.translate({m.context!r}, {m.text!r})\n" for m in messages]
    scratch.write_text("".join(lines), encoding="utf-8")
    return scratch


def point_back(ts: Path, scratch: Path, messages: list[Hidden]) -> None:
    """Rewrite the scratch file's locations in ``ts`` as the real file and line."""
    text = ts.read_text(encoding="utf-8")
    scratch_ref = os.path.relpath(scratch, ts.parent).replace(os.sep, "/")

    def real(match: re.Match[str]) -> str:
        message = messages[int(match.group(1)) - 1]
        where = os.path.relpath(message.path, ts.parent).replace(os.sep, "/")
        return f'<location filename="{where}" line="{message.line}"/>'

    pattern = re.compile(r'<location filename="' + re.escape(scratch_ref) + r'" line="(\d+)"/>')
    ts.write_text(pattern.sub(real, text), encoding="utf-8")


def update(ts_files: list[Path]) -> None:
    messages = [m for path in SOURCES if path.suffix == ".py" for m in hidden_messages(path)]
    with tempfile.TemporaryDirectory(dir=HERE) as folder:  # beside the .ts: short relative locations
        scratch = write_scratch(messages, Path(folder))
        for ts in ts_files:
            command = [tool("pyside6-lupdate"), *map(str, SOURCES), str(scratch), "-no-obsolete"]
            if ts.stem.endswith("_en"):
                # English is the source language: its catalogue holds only the plural forms ("%n orders").
                command.append("-pluralonly")
            subprocess.run([*command, "-locations", "absolute", "-ts", str(ts)], check=True, cwd=ROOT)
            point_back(ts, scratch, messages)


def release(ts_files: list[Path]) -> None:
    for ts in ts_files:
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def _names_passed_to_gettext(tree: ast.Module) -> set[str]:
    """Module-level names used inside ``_()``: ``_(NAME)``, ``_(NAME[key])``, ``_(NAME.get(key, ...))``."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"):
            continue
        if len(node.args) != 1:
            continue
        argument = node.args[0]
        if isinstance(argument, ast.Subscript):
            argument = argument.value
        elif isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute):
            argument = argument.func.value if argument.func.attr == "get" else argument
        if isinstance(argument, ast.Name):
            names.add(argument.id)
    return names


def core_messages_by_name(path: Path) -> Iterator[tuple[str, int]]:
    """(message, line) for the strings a module hands to ``_()`` through a module-level name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    wanted = _names_passed_to_gettext(tree)
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        else:
            continue
        if name not in wanted or value is None:
            continue
        strings = value.values if isinstance(value, ast.Dict) else [value]
        for item in strings:
            text = _string(item)
            if text:
                yield text, item.lineno


def core_template() -> Catalog:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="OrderApp", domain=DOMAIN, charset="utf-8")
    method_map = [("gui/**.py", "ignore"), ("**.py", "python")]
    for file, line, message, comments, context in extract_from_dir(
        str(CORE), method_map, keywords={"_": None, "ngettext": (1, 2)}, comment_tags=("TRANSLATORS:",)
    ):
        where = f"orderapp/{file}".replace(os.sep, "/")
        template.add(message, locations=[(where, line)], auto_comments=comments, context=context)
    for path in sorted(CORE.rglob("*.py")):
        if "gui" in path.relative_to(CORE).parts:
            continue
        for message, line in core_messages_by_name(path):
            where = path.relative_to(ROOT).as_posix()
            existing = template.get(message)
            if existing is None:
                template.add(message, locations=[(where, line)])
            elif (where, line) not in existing.locations:
                existing.locations.append((where, line))
    return template


def update_core(languages: list[str]) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = core_template()
    for language in languages:
        po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.exists():
            with po.open("rb") as file:
                catalog = read_po(file, locale=language, domain=DOMAIN)
            template.creation_date = catalog.creation_date  # no header churn when nothing changed
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
        else:
            catalog = Catalog(
                locale=language,
                domain=DOMAIN,
                project="OrderApp",
                charset="utf-8",
                header_comment=f"# OrderApp's core messages in {language}; the window's are in resources/translations.",
                last_translator="OrderApp developers",
                language_team=language,
                fuzzy=False,  # a fuzzy header is left out of the .mo, and gettext then cannot read UTF-8
            )
            catalog.update(template, no_fuzzy_matching=True)
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as file:
            write_po(file, catalog, width=120, sort_by_file=True, include_previous=False)
        translated = sum(1 for message in catalog if message.id and message.string)
        print(f"{po.relative_to(ROOT)}: {translated} of {len(catalog) - 1} core messages translated")


def compiled_mo(po: Path) -> bytes:
    """The .mo for ``po`` (untranslated and fuzzy messages left out: they show in English)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        catalog = read_po(file)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def release_core(languages: list[str]) -> None:
    for language in languages:
        po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.with_suffix(".mo").write_bytes(compiled_mo(po))


def core_languages(extra: list[str]) -> list[str]:
    found = {po.parent.parent.name for po in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted(found | set(extra))


def babel_missing() -> bool:
    try:
        import babel  # noqa: F401
    except ImportError:
        print("Babel is not installed (pip install -e '.[test]'): the core's gettext catalogues are left as they are")
        return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("languages", nargs="*", help="start a catalogue for these languages too (e.g. de_DE)")
    parser.add_argument("--release", action="store_true", help="only compile the .ts files into .qm files")
    args = parser.parse_args()
    ts_files = sorted({*HERE.glob("orderapp_*.ts"), *(HERE / f"orderapp_{code}.ts" for code in args.languages)})
    if not ts_files:
        raise SystemExit(f"no orderapp_*.ts in {HERE}: name a language to start one, e.g. zh_CN")
    if not args.release:
        update(ts_files)
    release(ts_files)
    if babel_missing():
        return
    languages = core_languages(args.languages)
    if not args.release:
        update_core(languages)
    release_core(languages)


if __name__ == "__main__":
    main()
