"""The status board at several explicit "today" dates: states follow the milestone rules.

Fixture (tests/fixtures/agenda/basis): *alfa* is on time (published 10 Feb, rounds 14 Apr and
4 Aug, vastgesteld with a regioplan and a national advice); *beta* is late (published 15 Mar,
rounds 9 Jun and 1 Sep, concept); *gamma* has published nothing and planned nothing; *delta*
has no file for 2026.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from agenda_support import build
from build_scripts.analysis import status_board
from build_scripts.analysis.status_board import Staat
from build_scripts.reading.dataset import Dataset
from build_scripts.reading.load import load_dataset
from build_scripts.render.context import make_context
from conftest import FIXTURES

ROOT = FIXTURES / "agenda" / "basis"
G, S, R, L, N = Staat.gedaan, Staat.op_schema, Staat.risico, Staat.te_laat, Staat.niet_van_toepassing
STAPPEN = ("agenda", "eerste_ronde", "input", "tweede_ronde", "plan")

# peildatum → region → states of (agenda, eerste ronde, input, tweede ronde, plan)
EXPECTED = {
    dt.date(2026, 1, 15): {"alfa": (S, S, S, S, S), "beta": (R, R, R, R, R), "gamma": (S, S, S, S, S), "delta": (N,) * 5},
    dt.date(2026, 3, 10): {"alfa": (G, S, S, S, S), "beta": (R, R, R, R, R), "gamma": (R, R, R, R, R), "delta": (N,) * 5},
    dt.date(2026, 5, 20): {"alfa": (G, G, G, S, S), "beta": (G, R, R, R, R), "gamma": (R, R, R, R, R), "delta": (N,) * 5},
    dt.date(2026, 6, 5): {"alfa": (G, G, G, S, S), "beta": (G, L, L, R, R), "gamma": (L, L, L, R, R), "delta": (N,) * 5},
    dt.date(2026, 6, 9): {"alfa": (G, G, G, S, S), "beta": (G, G, L, R, R), "gamma": (L, L, L, R, R), "delta": (N,) * 5},
    dt.date(2026, 9, 1): {"alfa": (G, G, G, G, G), "beta": (G, G, L, G, L), "gamma": (L, L, L, L, L), "delta": (N,) * 5},
}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data, problems = load_dataset(ROOT)
    assert not [p for p in problems if p.is_error]
    return data


def states(dataset: Dataset, peildatum: dt.date) -> dict[str, tuple[Staat, ...]]:
    bord = status_board.board(dataset, 2026, peildatum)
    assert tuple(s.key for s in bord.stappen) == STAPPEN
    return {r.slug: tuple(c.staat for c in r.cellen) for r in bord.rijen}


@pytest.mark.parametrize("peildatum", sorted(EXPECTED), ids=str)
def test_states_at_peildatum(dataset: Dataset, peildatum: dt.date) -> None:
    assert states(dataset, peildatum) == EXPECTED[peildatum]


def test_done_stays_done_and_late_never_recovers(dataset: Dataset) -> None:
    """Walking through the year day by day, no region goes back from gedaan or from te laat (unless to gedaan)."""
    previous = states(dataset, dt.date(2026, 1, 1))
    for offset in range(1, 365):
        current = states(dataset, dt.date(2026, 1, 1) + dt.timedelta(days=offset))
        for slug, cells in current.items():
            for before, now in zip(previous[slug], cells, strict=True):
                assert before is not G or now is G
                assert before is not L or now in (L, G)
        previous = current


def test_days_left_count_to_each_steps_own_milestone(dataset: Dataset) -> None:
    peil = dt.date(2026, 1, 15)
    alfa = {c.stap.key: c for c in status_board.board(dataset, 2026, peil).rijen[0].cellen}
    assert alfa["agenda"].dagen == (dt.date(2026, 2, 28) - peil).days
    assert alfa["eerste_ronde"].dagen == (dt.date(2026, 5, 31) - peil).days
    assert alfa["plan"].dagen == (dt.date(2026, 8, 15) - peil).days
    assert alfa["agenda"].dagen_tekst == f"nog {alfa['agenda'].dagen} dagen"
    assert alfa["agenda"].toelichting == "publicatie gepland op 10 februari 2026"


def test_late_cells_say_how_late_and_done_cells_say_when(dataset: Dataset) -> None:
    peil = dt.date(2026, 6, 5)
    rows = {r.slug: {c.stap.key: c for c in r.cellen} for r in status_board.board(dataset, 2026, peil).rijen}
    overdue = (peil - dt.date(2026, 2, 28)).days
    assert rows["gamma"]["agenda"].dagen_tekst == f"{overdue} dagen over tijd"
    assert rows["beta"]["eerste_ronde"].toelichting == "gepland op 9 juni 2026, na de mijlpaal"
    assert rows["alfa"]["eerste_ronde"].toelichting == "gehouden op 14 april 2026"
    assert rows["alfa"]["eerste_ronde"].dagen_tekst is None


@pytest.mark.parametrize("dagen", [-3, -1, 0, 1, 12])
def test_days_text(dagen: int) -> None:
    stap = status_board.stappen(2026)[0]
    text = status_board.Cel(stap, Staat.op_schema, "", dagen).dagen_tekst
    n = abs(dagen)
    assert text == ("uiterlijk vandaag" if dagen == 0 else f"{'nog ' if dagen > 0 else ''}{n} dag{'en' if n != 1 else ''}{' over tijd' if dagen < 0 else ''}")


@pytest.mark.parametrize(
    ("peildatum", "key", "datum"),
    [
        (dt.date(2026, 1, 15), "agenda", dt.date(2026, 2, 1)),
        (dt.date(2026, 6, 5), "heidag", dt.date(2026, 6, 17)),
        (dt.date(2026, 6, 18), "advies", dt.date(2026, 7, 10)),
    ],
)
def test_next_milestone_uses_the_real_heidag(dataset: Dataset, peildatum: dt.date, key: str, datum: dt.date) -> None:
    bord = status_board.board(dataset, 2026, peildatum)
    assert bord.volgende is not None and (bord.volgende.key, bord.volgende.datum) == (key, datum)
    assert bord.dagen_tot_volgende == (datum - peildatum).days


def test_no_next_milestone_after_the_cycle(dataset: Dataset) -> None:
    assert status_board.board(dataset, 2026, dt.date(2026, 12, 1)).volgende is None


def _home(dataset: Dataset, peildatum: dt.date | None = None) -> str:
    return str(build(dataset, peildatum)["index.md"].content)


def test_home_board_is_readable_without_colour(dataset: Dataset) -> None:
    page = _home(dataset, dt.date(2026, 6, 5))
    cells = re.findall(r'<td class="staat staat-([a-z-]+)"(?: data-label="[^"]*")?>(.*?)</td>', page)
    assert len(cells) == 4 * 5
    words = {"gedaan": "✓ gedaan", "op-schema": "… op schema", "risico": "! risico", "te-laat": "✗ te laat", "niet-van-toepassing": "– n.v.t."}
    for css, inner in cells:
        text = re.sub(r"<[^>]+>", "", inner)
        assert text.startswith(words[css]), (css, text)
    assert "Stand op <strong>5 juni 2026</strong>" in page


def test_regions_index_has_the_board_with_links_one_level_up(dataset: Dataset) -> None:
    page = str(build(dataset, dt.date(2026, 6, 5))["regios/index.md"].content)
    assert 'id="statusbord-2026"' in page
    assert '<a href="../regios/alfa/2026/">Alfa</a>' in page and '<a href="../regios/delta/">Delta</a>' in page


def test_peildatum_from_the_environment(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_PEILDATUM", "2026-03-10")
    assert "Stand op <strong>10 maart 2026</strong>" in _home(dataset)


def test_without_an_explicit_date_the_data_decides(tmp_path: Path, dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside git the peildatum is the latest date in the data, so the page does not depend on the clock."""
    monkeypatch.delenv("DOSSIER_PEILDATUM", raising=False)
    import shutil

    shutil.copytree(ROOT, tmp_path / "proj")
    copy, _ = load_dataset(tmp_path / "proj")
    assert make_context(copy).peildatum == dt.date(2026, 11, 10)  # alfa's monitoring meeting
    assert _home(copy) == _home(copy)
