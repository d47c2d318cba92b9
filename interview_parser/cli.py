"""Stage 4: the command line, a thin shell over the library.

Every command reads its inputs, calls the library, and writes the result; errors the library
raises on purpose are printed as one line, ``path:line:col: error: message``, and turn into
the exit code (1 for content problems, 2 for usage problems). Nothing here parses text.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

import click

from .api import parse_source, project_settings
from .errors import InterviewParserError, UsageError, printable
from .model import Transcript, TranscriptStream, collect, replace
from .version import __version__

if TYPE_CHECKING:
    from .batch import Settings
    from .config import Config
    from .source import SourceText


class _Failed(click.exceptions.Exit):
    """Leave with ``code`` after the error line was printed."""


def _fail(exc: InterviewParserError) -> _Failed:
    where = exc.location() if exc.path or exc.line else "interview-parser"
    click.echo(printable(f"{where}: error: {exc.message}"), err=True)
    return _Failed(exc.exit_code)


class _Input:
    """A file's bytes until :meth:`text` decodes them; from then on nothing is held here.

    A large file is then held once while it is parsed: ``parse_source(raw.text(), ...)``
    passes the decoded text on without keeping either the bytes or the text in this frame.
    """

    def __init__(self, name: str) -> None:
        self.path = None if name == "-" else name
        self.shown = self.path or "<stdin>"
        if self.path is None:
            self._data: bytes | None = sys.stdin.buffer.read()
        else:
            from .files import read_input

            self._data = read_input(self.path)

    def text(self) -> SourceText:
        from .source import read_bytes

        data, self._data = self._data, None
        if data is None:
            raise RuntimeError("the input was decoded already")
        try:
            return read_bytes(data)
        except InterviewParserError as exc:
            raise exc.with_path(self.shown) from None


def _load(
    name: str,
    interviewers: Sequence[str],
    dialect: str | None = None,
    configs: dict[Path, Config] | None = None,
) -> Transcript:
    raw = _Input(name)
    dialect, cast = project_settings(raw.path, dialect, (), configs)
    transcript = parse_source(
        raw.text(), dialect=dialect, interviewers=interviewers, cast=cast, path=raw.shown
    )
    if raw.path is None:
        transcript = replace(transcript, source=replace(transcript.source, path=None))
    for warning in transcript.warnings:
        click.echo(printable(f"{raw.shown}: warning: {warning}"), err=True)
    return transcript


def _load_stream(
    name: str,
    interviewers: Sequence[str],
    dialect: str | None,
    configs: dict[Path, Config],
) -> TranscriptStream:
    """``_load`` as a stream (``api.stream_source``): warnings are printed as they come."""
    from .api import stream_source
    from .batch import noting_warnings

    raw = _Input(name)
    dialect, cast = project_settings(raw.path, dialect, (), configs)
    stream = stream_source(
        raw.text(), dialect=dialect, interviewers=interviewers, cast=cast, path=raw.shown
    )
    if raw.path is None:
        stream.head = replace(stream.head, source=replace(stream.head.source, path=None))

    def note(warning: str) -> None:
        click.echo(printable(f"{raw.shown}: warning: {warning}"), err=True)

    return noting_warnings(stream, note)


def _project_profile(name: str, configs: dict[Path, Config]) -> str | None:
    """The subtitle profile the project of ``name`` names in ``[tool.interview-parser]``."""
    from .config import find_config

    folder = Path(name).parent if name != "-" else Path.cwd()
    return find_config(folder, configs).profile


class _TimingDefault(click.Option):
    """An option whose default is the constant ``constant`` of :mod:`.timing`, read when it
    is needed: commands that never time a transcript (check, fmt) do not import it."""

    def __init__(self, *args: Any, constant: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.constant = constant

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        from . import timing

        return getattr(timing, self.constant)


_interviewer_option = click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar="LABEL",
    help="Label of a speaker who asks the questions (repeatable); overrides detection.",
)


_dialect_option = click.option(
    "--dialect",
    metavar="NAME",
    help="Read FILE as this layout instead of detecting it (see `interview-parser dialects`).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="interview-parser")
def cli() -> None:
    """Turn interview transcripts into structured data."""


def _seconds(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """Accept 90, 90.5, 1:30 or 00:01:30 for a time option."""
    if value is None:
        return None
    from .clock import parse_clock

    seconds = parse_clock(value)
    if seconds is None:
        try:
            seconds = float(value)
        except ValueError:
            raise click.BadParameter("expected seconds or h:mm:ss", ctx, param) from None
    if seconds < 0:
        raise click.BadParameter("must not be negative", ctx, param)
    return seconds


def _convert_batch(
    files: Sequence[str],
    output: str | None,
    out_dir: str | None,
    jobs: int | None,
    settings: Settings,
) -> int:
    """``convert`` with several FILEs or --out-dir: the work is in :mod:`.batch`."""
    from .batch import convert_files

    if output is not None:
        raise UsageError("-o/--output takes one FILE; write several with --out-dir DIR")
    if out_dir is None:
        raise UsageError("several FILEs need --out-dir DIR")
    return convert_files(files, out_dir, settings, workers=jobs, stream=sys.stderr)


@cli.command()
@click.argument("input_files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--to",
    "fmt",
    default="json",
    show_default=True,
    metavar="FORMAT",
    help="Output format (see `interview-parser formats`).",
)
@click.option("-o", "--output", metavar="PATH", help="Write here (atomically) instead of stdout.")
@click.option("--out-dir", metavar="DIR", help="Write one file per FILE into DIR (atomically).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="With --out-dir: worker processes (default: one per core; 1: this process).",
)
@_interviewer_option
@_dialect_option
@click.option(
    "--indent",
    type=click.IntRange(0, 8),
    default=2,
    show_default=True,
    help="json: indentation (0 for one line).",
)
@click.option(
    "--wpm",
    type=click.FloatRange(min=40, max=400),
    cls=_TimingDefault,
    constant="DEFAULT_WPM",
    show_default=True,
    help="Speaking rate for estimated times, in words a minute.",
)
@click.option(
    "--pause",
    type=click.FloatRange(min=0, max=10),
    cls=_TimingDefault,
    constant="DEFAULT_PAUSE",
    show_default=True,
    help="Seconds of silence at a change of speaker (estimates).",
)
@click.option(
    "--start",
    callback=_seconds,
    metavar="TIME",
    help="Offset the whole track (seconds or h:mm:ss).",
)
@click.option(
    "--duration",
    callback=_seconds,
    metavar="TIME",
    help="Stretch estimated times to this recording length.",
)
@click.option(
    "--profile",
    help="Subtitles: segmentation profile [default: the project's `profile`, else netflix].",
)
@click.option(
    "--speaker-style",
    type=click.Choice(["prefix", "dash", "none"]),
    help="Subtitles: how speakers are shown.",
)
@click.option(
    "--notes",
    type=click.Choice(["keep", "sdh", "drop"]),
    help="Subtitles: stage notes as written, in SDH form, or left out [default: the profile's].",
)
@click.option(
    "--names/--roles",
    "names",
    default=False,
    help="Podcast script: the cast's names instead of HOST / GUEST.",
)
@click.option(
    "--cues/--no-cues",
    default=True,
    show_default=True,
    help="Podcast script: production cues such as [MUSIC UP].",
)
@click.option("--show", help="Podcast script: the show's name [default: the front matter's].")
@click.option("--episode", help="Podcast script: the episode [default: the front matter's].")
@click.option("--title", help="Podcast script: the episode's title [default: the transcript's].")
@click.option(
    "--cold-open/--no-cold-open",
    default=False,
    help="Podcast script: open with a teaser from the conversation.",
)
@click.option(
    "--qa-style",
    type=click.Choice(["names", "qa"]),
    default="names",
    show_default=True,
    help="Markdown Q&A: speaker names or Q/A markers.",
)
@click.option(
    "--audio",
    metavar="FILE",
    help="html: the recording, linked (not copied) from the page, which follows it.",
)
def convert(
    input_files: tuple[str, ...],
    fmt: str,
    output: str | None,
    out_dir: str | None,
    jobs: int | None,
    interviewers: tuple[str, ...],
    dialect: str | None,
    **options: object,
) -> None:
    """Convert FILE (or - for stdin) to another format; several FILEs with --out-dir DIR.

    With --out-dir each FILE becomes DIR/NAME plus the format's suffix; folders the FILEs
    do not share are mirrored (a/x.txt and b/x.txt give DIR/a/x.json and DIR/b/x.json).
    A file that fails is reported and the others go on; a summary line ends the run.
    """
    from .exporters import ExportOptions, get_exporter
    from .files import atomic_open, remove_stale_temporaries

    # Alignment (issue 16): with the align extra (and for every format but html, which can
    # also just link the recording), the transcript is first aligned to the recording.
    recording = options.get("audio")
    if options.get("indent") == 0:
        options["indent"] = None
    if options.get("start") is None:
        options["start"] = 0.0
    configs: dict[Path, Config] = {}  # each project table is read once per command
    try:
        if options.get("profile") is None:
            options["profile"] = _project_profile(input_files[0], configs) or "netflix"
        exporter = get_exporter(fmt)
        if options.get("audio") is not None and fmt == "html":
            # The page links the recording: by an address relative to where the page goes.
            options["audio"] = _audio_address(str(options["audio"]), input_files, out_dir, output)
        elif options.get("audio") is not None and (out_dir is not None or len(input_files) > 1):
            raise UsageError("--audio goes with one FILE, not a batch")
        if out_dir is not None or len(input_files) > 1:
            from .batch import Settings

            export_options = ExportOptions(**options)  # type: ignore[arg-type]
            settings = Settings(fmt, interviewers, dialect, export_options)
            code = _convert_batch(input_files, output, out_dir, jobs, settings)
            if code:
                raise _Failed(code)
            return
        input_file = input_files[0]
        from .files import refuse_output_onto_input

        refuse_output_onto_input(output, input_file)
        transcript: Transcript | TranscriptStream
        transcript = _load_stream(input_file, interviewers, dialect, configs)
        if recording is not None and (fmt != "html" or _can_align()):
            transcript = _aligned(collect(transcript), str(recording), None)
        export_options = ExportOptions(**options)  # type: ignore[arg-type]
        if output is None or output == "-":
            stdout = _utf8_bytes(sys.stdout)
            if stdout is None:
                click.echo(exporter.render(transcript, export_options), nl=False)
            else:  # the same bytes, written as they are made
                exporter.write(transcript, export_options, stdout)
                stdout.flush()
        else:
            try:
                # Written as it is made (JSON in pieces): a large document is never whole
                # in memory, and an error leaves the old file in place.
                remove_stale_temporaries(output)
                with atomic_open(output) as handle:
                    exporter.write(transcript, export_options, handle)
            except OSError as exc:
                raise UsageError(f"cannot write: {exc.strerror or exc}", path=output) from None
    except InterviewParserError as exc:
        raise _fail(exc) from None


def _audio_address(
    audio: str, input_files: tuple[str, ...], out_dir: str | None, output: str | None
) -> str:
    """``--audio FILE`` as the page should reference it: relative to where the page goes."""
    from .exporters.html import audio_address

    if out_dir is not None or len(input_files) > 1:
        raise UsageError("--audio goes with one FILE, not a batch")
    if not Path(audio).is_file():
        raise UsageError("no such audio file", path=audio)
    return audio_address(audio, None if output in (None, "-") else output)


def _utf8_bytes(stream: TextIO) -> BinaryIO | None:
    """The byte stream under text stream ``stream`` if that writes UTF-8, else None."""
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if buffer is None or encoding != "utf8":
        return None
    stream.flush()
    return buffer


@cli.command()
@click.argument("input_file", metavar="FILE")
@_interviewer_option
@_dialect_option
@click.option(
    "--format",
    "report",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)
def inspect(
    input_file: str, interviewers: tuple[str, ...], dialect: str | None, report: str
) -> None:
    """Show the detected layout, speakers, roles and pairs of FILE, and why."""
    from .describe import describe, describe_json

    try:
        transcript = _load(input_file, interviewers, dialect)
    except InterviewParserError as exc:
        raise _fail(exc) from None
    click.echo((describe_json if report == "json" else describe)(transcript), nl=False)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the JSON output."""
    from .exporters.jsonout import schema as json_schema

    click.echo(json_schema(), nl=False)


@cli.command()
def dialects() -> None:
    """List the layouts the parser reads (for --dialect)."""
    from .dialects import DIALECTS

    width = max(14, *(len(name) for name in DIALECTS))
    for dialect in DIALECTS.values():
        click.echo(f"{dialect.name:{width}} {dialect.summary}")


@cli.command()
def formats() -> None:
    """List the output formats."""
    from .exporters import EXPORTERS

    for exporter in EXPORTERS.values():
        click.echo(f"{exporter.name:14} {exporter.summary}")


def _codes(values: tuple[str, ...]) -> list[str]:
    """``--select IP2,IP301 --select markup`` -> ["IP2", "IP301", "markup"]."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _echo_out(text: str) -> None:
    click.echo(text, nl=False)


def _echo_err(text: str) -> None:
    """Messages, one a line: what they quote from a file is shown escaped."""
    click.echo("\n".join(map(printable, text.split("\n"))), nl=False, err=True)


def _stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "report",
    default="text",
    show_default=True,
    metavar="FORMAT",
    help="Report format: text, json, github or sarif.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Only these rules: codes, prefixes (IP2), names or families (repeatable).",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (repeatable).")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option(
    "--dialect",
    metavar="NAME",
    help="Read every file as this layout instead of detecting it (faster).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes for 16 files or more (default: one per core; 1: this process).",
)
def check(
    files: tuple[str, ...],
    report: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool,
    dialect: str | None,
    jobs: int | None,
) -> None:
    """Check transcripts; print `path:line:col: CODE message` for each problem.

    Exit 0 when clean, 1 when problems fail the check, 2 on usage errors or unreadable files.
    """
    from .checks.command import run_check

    code = run_check(
        files,
        out=_echo_out,
        err=_echo_err,
        read_stdin=_stdin_bytes,
        report=report,
        select=_codes(select) or None,
        ignore=_codes(ignore),
        strict=strict,
        dialect=dialect,
        workers=jobs,
        progress=sys.stderr if sys.stderr.isatty() else None,
    )
    if code:
        raise _Failed(code)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--check", "check_only", is_flag=True, help="Change nothing; exit 1 if a file would change."
)
@click.option("--diff", is_flag=True, help="Change nothing; print what would change.")
@click.option(
    "--dialect",
    metavar="NAME",
    help="Read every file as this layout instead of detecting it (faster).",
)
def fmt(files: tuple[str, ...], check_only: bool, diff: bool, dialect: str | None) -> None:
    """Rewrite transcripts into canonical form (atomically; - is stdin to stdout)."""
    from .fmt import run_fmt

    code = run_fmt(
        files,
        out=_echo_out,
        err=_echo_err,
        read_stdin=_stdin_bytes,
        check=check_only,
        diff=diff,
        dialect=dialect,
    )
    if code:
        raise _Failed(code)


@cli.command()
@click.option("--markdown", is_flag=True, help="The full documentation (docs/rules.md).")
def rules(markdown: bool) -> None:
    """List the rules of `check`: code, severity, name, summary."""
    if markdown:
        from .checks.docs import rules_markdown

        click.echo(rules_markdown(), nl=False)
    else:
        from .checks.command import rules_text

        click.echo(rules_text(), nl=False)


def _can_align() -> bool:
    from .align import available

    return available()


def _aligned(transcript: Transcript, audio: str, model: str | None) -> Transcript:
    """``transcript`` aligned to ``audio``, with a progress bar on a terminal."""
    from .align import align
    from .workers import Progress

    bar = Progress(sys.stderr, 100, enabled=sys.stderr.isatty())  # per cent

    def advance(done: float, total: float) -> None:
        bar.advance(max(0, int(100 * done / max(total, 1e-9)) - bar.done))

    try:
        return align(transcript, audio, model=model, progress=advance)
    finally:
        bar.clear()


@cli.command(name="align")
@click.argument("transcript_file", metavar="TRANSCRIPT")
@click.argument("audio", metavar="AUDIO")
@click.option("-o", "--output", metavar="PATH", help="Write here (atomically) instead of stdout.")
@click.option("--model", metavar="DIR", help="A pocketsphinx model folder (languages but English).")
@_interviewer_option
@_dialect_option
def align_command(
    transcript_file: str,
    audio: str,
    output: str | None,
    model: str | None,
    interviewers: tuple[str, ...],
    dialect: str | None,
) -> None:
    """Align TRANSCRIPT to its recording AUDIO: the JSON with times on every turn and word.

    AUDIO is any file FFmpeg reads (WAV, MP3, M4A, FLAC, OGG, a video). Needs the align
    extra: pip install 'interview-parser[align]'.
    """
    from .exporters import ExportOptions, get_exporter
    from .files import atomic_open, refuse_output_onto_input

    try:
        from .align import require

        require()
        refuse_output_onto_input(output, transcript_file)
        transcript = _aligned(_load(transcript_file, interviewers, dialect), audio, model)
        exporter = get_exporter("json")
        if output is None or output == "-":
            click.echo(exporter.render(transcript, ExportOptions()), nl=False)
        else:
            try:
                with atomic_open(output) as handle:
                    exporter.write(transcript, ExportOptions(), handle)
            except OSError as exc:
                raise UsageError(f"cannot write: {exc.strerror or exc}", path=output) from None
    except InterviewParserError as exc:
        raise _fail(exc) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (``sys.exit(main())``)."""
    args = list(argv) if argv is not None else None
    try:
        code = cli.main(args=args, prog_name="interview-parser", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.Abort:
        click.echo("Aborted!", err=True)
        return 1
    except BrokenPipeError:
        return 1
    # standalone_mode=False hands back the code of click.exceptions.Exit (ours included).
    return code if isinstance(code, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
