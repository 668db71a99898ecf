"""The navigation of the generated sections: a folder tree of pages, one level of it open per page.

Material renders the whole navigation into every page, so a flat list of every region-year would
make the build quadratic; this tree keeps each page's navigation small (see :func:`nav_section`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from ..contract.notation import name_sort_key
from .context import Output

NavItem = str | dict[str, "list[NavItem] | str"]


NAV_GROUPS = {"regios/index.md": "Alle regio's"}
GENERATED_SECTIONS = ("regios/index.md", "landelijk/index.md", "jaaragenda/index.md")
"""The nav entries of ``mkdocs.yml`` that stand for a whole generated section."""


def expand_nav(nav: list[Any], outputs: dict[str, Output]) -> list[Any]:
    """The configured nav with each generated section's index entry replaced by its full subtree."""
    expanded = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, str) and target in GENERATED_SECTIONS and target in outputs:
                item = {title: nav_section(outputs, target)}
        expanded.append(item)
    return expanded


def nav_section(outputs: dict[str, Output], index: str) -> list[NavItem]:
    """A hierarchical nav for the generated pages under ``index``'s folder.

    Folders become sections with their ``index.md`` as section page, so Material (with
    ``navigation.indexes`` and ``navigation.prune``) renders only the open branch on each page.
    Material always renders the sections directly under a tab fully open, so a section with
    one subsection per region (``NAV_GROUPS``) gets one extra level: otherwise every page would
    carry every page of every region, and the build would grow quadratically.
    Linear: the outputs are grouped into a folder tree once, not scanned again per folder.
    """
    folder = index.removesuffix("index.md")
    tree = _Folder()
    for path in outputs:
        if path.startswith(folder) and path.endswith(".md"):
            node = tree
            for part in path[len(folder):].split("/")[:-1]:
                node = node.folders.setdefault(part, _Folder())
            node.files.append(path)
    items = _section_items(outputs, folder, tree)
    group = NAV_GROUPS.get(index)
    sections = [item for item in items[1:] if isinstance(item, dict)]
    if group and sections:
        items = [*(item for item in items if not isinstance(item, dict)), {group: list[NavItem](sections)}]
    return items


@dataclass
class _Folder:
    """The generated Markdown pages of one folder: its files and its subfolders."""

    files: list[str] = field(default_factory=list)
    folders: dict[str, _Folder] = field(default_factory=dict)

    def all_files(self) -> list[str]:
        return self.files + [path for sub in self.folders.values() for path in sub.all_files()]


def _section_items(outputs: dict[str, Output], folder: str, tree: _Folder) -> list[NavItem]:
    index = f"{folder}index.md"
    files = {path[len(folder):]: path for path in tree.files if path != index}
    items: list[NavItem] = [index]
    titles = {name: outputs[f"{folder}{name}/index.md"].title or name for name in tree.folders if f"{folder}{name}/index.md" in outputs}
    for name in sorted([*files, *tree.folders], key=lambda name: _nav_key(name, titles.get(name))):
        sub_index = f"{folder}{name}/index.md"
        if name in tree.folders and sub_index in outputs:
            title = str(escape(outputs[sub_index].title or name))  # theme templates do not escape
            items.append({title: _section_items(outputs, f"{folder}{name}/", tree.folders[name])})
        else:
            items.extend(sorted([files[name]] if name in files else tree.folders[name].all_files()))
    return items


def _nav_key(name: str, title: str | None = None) -> tuple[int, tuple[str, str]]:
    """Years newest first, everything else after them by its title ('t Gooi under G, :func:`name_sort_key`)."""
    return (0, (f"{9999 - int(name):04d}", "")) if name.isdigit() else (1, name_sort_key(title or name))
