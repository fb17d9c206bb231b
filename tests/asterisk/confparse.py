"""A small parser for Asterisk's .conf syntax, strict enough to catch typos before a deployment.

Understands `[section]`, templates `[name](!)`, inheritance `[name](tpl1,tpl2)`, `key = value`,
`key => value`, `;` comments (`\\;` is a literal semicolon), `#include` and `#tryinclude`.
Generated include files are not in the repository: their `.example` stands in for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SECTION = re.compile(r"^\[(?P<name>[^\]]+)\](?:\((?P<options>[^)]*)\))?$")
ITEM = re.compile(r"^(?P<key>[^=]+?)\s*(?P<op>=>|=)\s*(?P<value>.*)$")
DIRECTIVE = re.compile(r"^#(?P<kind>include|tryinclude)\s+\"?(?P<name>[^\"]+?)\"?$")


@dataclass
class Item:
    key: str
    op: str
    value: str
    where: str


@dataclass
class Section:
    name: str
    is_template: bool
    templates: list[str]
    items: list[Item] = field(default_factory=list)
    where: str = ""
    resolved: list[Item] = field(default_factory=list)  # inherited items first, then its own

    def get(self, key: str) -> str | None:
        values = self.get_all(key)
        return values[-1] if values else None

    def get_all(self, key: str) -> list[str]:
        return [item.value for item in self.resolved if item.key == key]


@dataclass
class Conf:
    sections: list[Section] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def named(self, name: str) -> list[Section]:
        return [section for section in self.sections if section.name == name]

    def objects(self) -> list[Section]:
        return [section for section in self.sections if not section.is_template]


def strip_comment(line: str) -> str:
    result = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\" and index + 1 < len(line) and line[index + 1] == ";":
            result.append("\\;")
            index += 2
            continue
        if char == ";":
            break
        result.append(char)
        index += 1
    return "".join(result).strip()


def parse(path: Path) -> Conf:
    conf = Conf()
    _parse_file(path, conf, None)
    return conf


def _parse_file(path: Path, conf: Conf, current: Section | None) -> Section | None:
    conf.files.append(path)
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{number}"
        line = strip_comment(raw)
        if not line:
            continue
        directive = DIRECTIVE.match(line)
        if directive:
            current = _include(
                path.parent, directive.group("kind"), directive.group("name"), conf, current, where
            )
            continue
        header = SECTION.match(line)
        if header:
            current = _section(header, conf, where)
            continue
        item = ITEM.match(line)
        if item is None:
            conf.errors.append(f"{where}: cannot parse {raw!r}")
        elif current is None:
            conf.errors.append(f"{where}: {item.group('key')} outside any section")
        else:
            new = Item(item.group("key").strip(), item.group("op"), item.group("value").strip(), where)
            current.items.append(new)
            current.resolved.append(new)
    return current


def _include(
    base: Path, kind: str, name: str, conf: Conf, current: Section | None, where: str
) -> Section | None:
    target = base / name
    # Generated files live in a folder of their own (obzvon/); the repository shows their .example.
    example = base / f"{Path(name).name}.example"
    if target.exists():
        return _parse_file(target, conf, current)
    if example.exists():
        return _parse_file(example, conf, current)
    if kind == "include":
        conf.errors.append(f"{where}: #include {name} does not exist")
    return current


def _section(header: re.Match[str], conf: Conf, where: str) -> Section:
    options = [part.strip() for part in (header.group("options") or "").split(",") if part.strip()]
    templates = [option for option in options if option not in ("!", "+")]
    section = Section(header.group("name").strip(), "!" in options, templates, where=where)
    for template in templates:
        parents = conf.named(template)
        if not parents:
            conf.errors.append(f"{where}: [{section.name}] inherits unknown [{template}]")
            continue
        section.resolved.extend(parents[-1].resolved)
    conf.sections.append(section)
    return section
