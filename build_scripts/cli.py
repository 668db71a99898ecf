"""The ``dossier`` command: argument parsing and exit codes over the library, nothing else.

Exit codes: 0 = fine (warnings allowed), 1 = the data has errors, 2 = the command was used wrongly.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .reading import problems as problems_mod
from .settings import Settings, SettingsError, read_settings

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A wrong call: reported in Dutch with exit code 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description="Cruciale ggz dossier: gegevens controleren en de site opbouwen.")
    parser.add_argument("--root", type=Path, default=Path("."), help="projectmap met data/ (standaard: huidige map)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDO")
    for name, (help_text, add_args, _run) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        add_args(command)
    return parser


def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PAD", help="alleen problemen in deze bestanden of mappen tonen")
    p.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    p.add_argument("--format", choices=sorted(problems_mod.FORMATTERS), default="text", help="uitvoer: text, json, github of gitlab")
    p.add_argument("--output", type=Path, help="schrijf het rapport naar dit bestand in plaats van naar het scherm")


def _run_validate(args: argparse.Namespace) -> int:
    from .reading.load import load_dataset

    root = args.root.resolve()
    started = time.perf_counter()
    dataset, found = load_dataset(root)
    selected = _select(found, [_relative(p, root) for p in args.paths])
    if args.strict:
        selected = problems_mod.promote_warnings(selected)
    report = problems_mod.FORMATTERS[args.format](selected)
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
    elif report:
        print(report)
    elapsed = time.perf_counter() - started
    print(
        f"{problems_mod.summary(selected)} in {len(dataset.documents)} bestanden ({elapsed:.2f} s)",
        file=sys.stderr,
    )
    return EXIT_DATA if problems_mod.has_errors(selected) else EXIT_OK


def _relative(path: Path, root: Path) -> str:
    resolved = path.resolve()
    if not resolved.exists():
        raise UsageError(f"pad bestaat niet: {path}")
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError as exc:
        raise UsageError(f"pad ligt buiten de projectmap {root}: {path}") from exc


def _select(found: list[problems_mod.Problem], prefixes: list[str]) -> list[problems_mod.Problem]:
    if not prefixes:
        return found
    return [p for p in found if any(p.path == pre or p.path.startswith(pre.rstrip("/") + "/") or pre == "." for pre in prefixes)]


def _schema_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("schema"), help="map voor de JSON-schema's (standaard: schema/)")
    p.add_argument("--check", action="store_true", help="niets schrijven; exit 1 als de bestanden verouderd zijn")


def _run_schema(args: argparse.Namespace) -> int:
    from .contract.schema import schema_texts, write_schemas

    out = args.out if args.out.is_absolute() else args.root / args.out
    if args.check:
        stale = [n for n, t in schema_texts().items() if not (out / n).is_file() or (out / n).read_text(encoding="utf-8") != t]
        for name in stale:
            print(f"{out / name}: verouderd; voer 'dossier schema' uit", file=sys.stderr)
        return EXIT_DATA if stale else EXIT_OK
    for path in write_schemas(out):
        print(path)
    return EXIT_OK


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, required=True, help="map waarin de gegenereerde pagina's en bestanden komen")
    p.add_argument("--peildatum", type=_date, help="datum die als 'vandaag' geldt (JJJJ-MM-DD); standaard de datum van de gegevens")


def _date(text: str) -> object:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {text}") from exc


def _run_export(args: argparse.Namespace) -> int:
    """Write the same ``{path: content}`` mapping the MkDocs hook publishes (golden tests, debugging)."""
    from .engines.export import export_site
    from .engines.output_folder import OutputFolderError
    from .reading.load import load_dataset

    root = args.root.resolve()
    dataset, found = load_dataset(root)
    if problems_mod.has_errors(found):
        print(problems_mod.format_text([p for p in found if p.is_error]), file=sys.stderr)
        print(f"niets geëxporteerd: {problems_mod.summary(found)}", file=sys.stderr)
        return EXIT_DATA
    try:
        written = export_site(dataset, args.out, peildatum=args.peildatum, settings=args.settings)
    except OutputFolderError as exc:
        raise UsageError(str(exc)) from exc
    print(f"{written} bestanden geschreven naar {args.out}", file=sys.stderr)
    return EXIT_OK


ENGINES = ("mkdocs", "properdocs", "zensical")  # the same as engines/engine_plan.ENGINES (a test checks): no import here


def _build_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--engine", choices=ENGINES,
        help="mkdocs (hetzelfde als 'mkdocs build --strict'), properdocs of zensical; standaard: extra.engine in mkdocs.yml, anders mkdocs",
    )
    p.add_argument("--site-dir", type=Path, help="map voor de gebouwde site, vanuit de projectmap (standaard: site_dir uit mkdocs.yml, site/)")


def _run_build(args: argparse.Namespace) -> int:
    """Build the site with the chosen engine; exit 1 when the data has errors or the engine fails (nothing published then)."""
    from .engines.engine_plan import EngineSettingError, engine_for
    from .engines.output_folder import OutputFolderError, check_output_folder

    root = args.root.resolve()
    site_dir = (args.site_dir if args.site_dir.is_absolute() else root / args.site_dir).resolve() if args.site_dir else None
    try:
        engine = engine_for(root, args.engine)
    except EngineSettingError as exc:
        raise UsageError(str(exc)) from exc
    if engine != "zensical":
        from .engines.mkdocs_build import EngineMissing, build_mkdocs

        try:  # the hook checks again, with the docs folder (and mkdocs.yml's site_dir), but MkDocs' own checks come first
            if site_dir is not None:
                check_output_folder(site_dir, root)
        except OutputFolderError as exc:
            raise UsageError(str(exc)) from exc
        try:
            return EXIT_DATA if build_mkdocs(root, site_dir, engine) else EXIT_OK
        except EngineMissing as exc:
            raise UsageError(str(exc)) from exc
    return _build_zensical(root, site_dir, args.settings)


def _build_zensical(root: Path, site_dir: Path | None, settings: Settings) -> int:
    from .engines.engine_plan import EngineSettingError, warn_if_past_end_of_life
    from .engines.output_folder import OutputFolderError
    from .engines.site_source import DataError

    try:
        from .engines.zensical_build import BuildError, build_zensical
    except ImportError as exc:
        if exc.name != "zensical":
            raise
        raise UsageError("Zensical ontbreekt: pip install -e '.[zensical]'") from exc
    try:
        warn_if_past_end_of_life("zensical", settings)
    except EngineSettingError as exc:
        raise UsageError(str(exc)) from exc
    started = time.perf_counter()
    try:
        source = build_zensical(root, site_dir, settings=settings)
    except OutputFolderError as exc:
        raise UsageError(str(exc)) from exc
    except (DataError, BuildError) as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return EXIT_DATA
    if source.warnings:
        print(problems_mod.format_text(source.warnings), file=sys.stderr)
    print(f"site gebouwd met Zensical: {len(source.outputs)} gegenereerde bestanden ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return EXIT_OK


def _pdf_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", type=Path, default=Path("site"), help="de gebouwde site (standaard: site/, na 'dossier build' of 'mkdocs build')")
    p.add_argument("--chromium", help="pad naar Chromium (standaard: $DOSSIER_CHROMIUM of 'chromium' op het PATH)")


def _run_pdf(args: argparse.Namespace) -> int:
    """Print each year's print edition of a built site to PDF with Chromium (a step after the build)."""
    from .engines.output_folder import OutputFolderError, check_output_folder
    from .engines.pdf import PdfError, make_pdfs

    site = args.site if args.site.is_absolute() else args.root / args.site
    try:
        check_output_folder(site, args.root, what="de map met de site")
        written = make_pdfs(site.resolve(), args.chromium or _chromium(args.settings))
    except (PdfError, OutputFolderError) as exc:
        raise UsageError(str(exc)) from exc
    for path in written:
        print(path)
    return EXIT_OK


def _chromium(settings: Settings) -> str | None:
    return str(settings.chromium) if settings.chromium else None


def _diff_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("jaren", nargs="*", type=int, metavar="JAAR", help="twee cyclusjaren: VAN NAAR (bijvoorbeeld 2025 2026)")
    p.add_argument("--base", metavar="REV", help="vergelijk data/ van deze git-revisie met de werkmap (wat een samenvoegverzoek verandert)")
    p.add_argument(
        "--head", metavar="REV",
        help="met --base: vergelijk met data/ van deze git-revisie in plaats van de werkmap (alleen de gegevens worden gelezen, geen code)",
    )
    p.add_argument("--regio", metavar="SLUG", help="alleen deze regio")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="uitvoer: text, markdown of json")
    p.add_argument("--output", type=Path, help="schrijf naar dit bestand in plaats van naar het scherm")
    p.add_argument(
        "--links", metavar="BASISADRES",
        help="link elke wijziging naar haar pagina op de site op dit adres (bijvoorbeeld het voorbeeld van een samenvoegverzoek)",
    )


def _run_diff(args: argparse.Namespace) -> int:
    """Exit 0 even when files have errors: the diff lists them, ``dossier validate`` is what blocks."""
    if len(args.jaren) != (0 if args.base else 2):
        raise UsageError("geef óf twee jaren (dossier diff 2025 2026) óf --base REV (dossier diff --base origin/main)")
    if args.head and not args.base:
        raise UsageError("--head hoort bij --base: dossier diff --base REV --head REV")
    try:
        text = _diff_report(
            args.root.resolve(), args.format, jaren=tuple(args.jaren) or None, base=args.base, head=args.head, regio=args.regio, links=args.links
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return EXIT_OK


def _diff_report(
    root: Path, fmt: str, *, jaren: tuple[int, int] | None = None, base: str | None = None, head: str | None = None,
    regio: str | None = None, links: str | None = None,
) -> str:
    """``dossier diff``: load both sides, compare and format; a wrong call raises ``ValueError`` in Dutch."""
    from .analysis.diff import diff_datasets, diff_jaren, onleesbare_bestanden
    from .analysis.diff_report import FORMATS, Versies
    from .analysis.review import PageLinks
    from .reading.load import load_dataset
    from .reading.revision import load_revision

    page_links = PageLinks(links) if links else None
    dataset, _ = load_revision(root, head) if head else load_dataset(root)
    namen = {slug: r.naam for slug, r in dataset.regions.items()}
    if base is not None:
        oud, _ = load_revision(root, base)
        _check_regio(regio, set(dataset.regions) | set(oud.regions))
        onleesbaar = sorted(set(onleesbare_bestanden(oud, als_geschreven=True)) | set(onleesbare_bestanden(dataset, als_geschreven=True)))
        fouten = tuple(sorted(set(onleesbare_bestanden(dataset)) - set(onleesbaar)))
        nieuw = _revision_label(head) if head else "huidige versie"
        versies = Versies(_revision_label(base), nieuw, {**{s: r.naam for s, r in oud.regions.items()}, **namen}, tuple(onleesbaar), fouten)
        return FORMATS[fmt](diff_datasets(oud, dataset, regio), versies, page_links)
    if jaren is None:
        raise ValueError("geef twee jaren (dossier diff 2025 2026) of een revisie (dossier diff --base origin/main)")
    van, naar = jaren
    for jaar in (van, naar):
        if jaar not in dataset.jaren:
            raise ValueError(f"er zijn geen gegevens voor {jaar}; beschikbare jaren: {', '.join(map(str, dataset.jaren)) or 'geen'}")
    if van == naar:
        raise ValueError("geef twee verschillende jaren, of gebruik --base om met een git-revisie te vergelijken")
    _check_regio(regio, set(dataset.regions))
    onleesbaar = [p for p in onleesbare_bestanden(dataset) if p.endswith((f"/{van}.yaml", f"/{naar}.yaml"))]
    return FORMATS[fmt](diff_jaren(dataset, van, naar, regio), Versies(str(van), str(naar), namen, tuple(onleesbaar)), page_links)


def _revision_label(revision: str) -> str:
    return revision[:10] if re.fullmatch(r"[0-9a-f]{40}", revision) else revision  # a commit id from CI: short is enough


def _check_regio(regio: str | None, bestaande: set[str]) -> None:
    from .reading.dataset import unknown_region_message

    if regio is not None and regio not in bestaande:
        raise ValueError(unknown_region_message(regio, bestaande))


def _new_year_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("jaar", type=int, metavar="JAAR", help="het nieuwe cyclusjaar, bijvoorbeeld 2027")
    p.add_argument("--regio", metavar="SLUG", help="alleen deze regio (standaard: alle regio's)")


def _run_new_year(args: argparse.Namespace) -> int:
    """Exit 2 when nothing could be written: every file existed already or had no earlier year."""
    from .editing.new_year import create_next_year

    try:
        results = create_next_year(args.root.resolve(), args.jaar, args.regio)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    for r in results:
        bron = f" (uit {r.bron}.yaml)" if r.bron else ""
        print(f"{r.pad.relative_to(args.root.resolve()).as_posix()}: {r.status}{bron}", file=sys.stderr)
    if not any(r.status == "geschreven" for r in results):
        raise UsageError(f"geen nieuw bestand voor {args.jaar} geschreven")
    return EXIT_OK


def _migrate_args(p: argparse.ArgumentParser) -> None:
    """No options: every file under data/ is brought to the current contract version."""


def _run_migrate(args: argparse.Namespace) -> int:
    """Exit 1 when a file could not be migrated (it is reported and left untouched)."""
    from .editing.migrate import migrate_files

    results = migrate_files(args.root.resolve())
    for r in results:
        print(f"{r.pad}: {r.status}", file=sys.stderr)
    return EXIT_DATA if any(r.status.startswith("niet bijgewerkt") for r in results) else EXIT_OK


def _problems_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["text", "markdown"], default="text", help="uitvoer: text of markdown (de tabel in CONTRIBUTING.md)")


def _run_problems(args: argparse.Namespace) -> int:
    """Every kind of problem ``validate`` can report, from the catalogue."""
    from .reading.catalogue import catalogue_markdown, catalogue_text

    print(catalogue_markdown() if args.format == "markdown" else catalogue_text())
    return EXIT_OK


Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
COMMANDS: dict[str, Command] = {
    "validate": ("controleer alle gegevensbestanden en toon alle problemen", _validate_args, _run_validate),
    "problemen": ("toon elke soort melding van validate: code, soort, uitleg en oplossing", _problems_args, _run_problems),
    "export": ("schrijf alle gegenereerde pagina's en bestanden naar een map", _export_args, _run_export),
    "schema": ("schrijf de JSON-schema's van het gegevenscontract naar schema/", _schema_args, _run_schema),
    "diff": ("toon wat er veranderde tussen twee jaren, of sinds een git-revisie", _diff_args, _run_diff),
    "migrate": ("werk alle gegevensbestanden bij naar de nieuwste versie van het gegevenscontract", _migrate_args, _run_migrate),
    "new-year": ("begin het bestand van een nieuw jaar vanuit het vorige jaar", _new_year_args, _run_new_year),
    "build": ("bouw de site in site/, met de engine uit mkdocs.yml (extra.engine, standaard MkDocs), ProperDocs of Zensical", _build_args, _run_build),
    "pdf": ("druk het dossier van elk jaar af als pdf in de gebouwde site (na het bouwen)", _pdf_args, _run_pdf),
}


def _settings() -> Settings:
    """The ``DOSSIER_*`` settings, read once for the whole command; a wrong value is a usage error."""
    try:
        return read_settings()
    except SettingsError as exc:
        raise UsageError(str(exc)) from exc


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        args.settings = _settings()
        return COMMANDS[args.command][2](args)
    except UsageError as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
