"""The jump list "Op deze pagina" (issue 26): one link per section, to the id the heading gets on the page."""

from __future__ import annotations

from build_scripts.render.jump_list import MARKER, add_jump_list, sections

PAGE = f"""# Titel

{MARKER}

## Tekorten in één oogopslag

### Acute zorg {{ #acute-zorg }}

## Stand per regio, cyclus 2026

## Gegevens per zorgvorm {{ #gegevens }}
"""


def test_each_second_level_heading_is_a_section_with_the_id_markdown_gives_it() -> None:
    assert sections(PAGE) == [
        ("tekorten-in-een-oogopslag", "Tekorten in één oogopslag"),
        ("stand-per-regio-cyclus-2026", "Stand per regio, cyclus 2026"),
        ("gegevens", "Gegevens per zorgvorm"),
    ]


def test_the_marker_becomes_a_labelled_list_of_links_before_the_first_section() -> None:
    page = add_jump_list(PAGE)
    assert MARKER not in page
    nav = page[page.index("<nav"):page.index("</nav>")]
    assert 'aria-labelledby="op-deze-pagina-kop"' in nav and ">Op deze pagina</p>" in nav
    assert nav.count("<li>") == 3 and '<a href="#gegevens">Gegevens per zorgvorm</a>' in nav
    assert page.index("</nav>") < page.index("## Tekorten")


def test_a_short_page_gets_no_list_and_a_page_without_marker_is_left_alone() -> None:
    short = f"# T\n\n{MARKER}\n\n## Een\n\n## Twee\n"
    assert add_jump_list(short) == "# T\n\n\n\n## Een\n\n## Twee\n"
    assert add_jump_list("# T\n\n## Een\n## Twee\n## Drie\n") == "# T\n\n## Een\n## Twee\n## Drie\n"
