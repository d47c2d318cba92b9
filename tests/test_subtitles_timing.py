"""Cue times, speakers and escaping, on small transcripts built directly from the model.

Written times (``Turn.start``) are set on the model here, so these tests do not depend on
how a layout with timestamps is parsed.
"""

from __future__ import annotations

import itertools

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from test_subtitles_files import read_srt, read_vtt

from interview_parser import Role, RoleSource, Speaker, Transcript, Turn, UsageError, parse_file
from interview_parser.cli import cli
from interview_parser.exporters import ExportOptions, export
from interview_parser.model import Source

SOURCE = Source(encoding="utf-8", newline="\n", final_newline=True, line_count=1,
                dialect="labelled", dialect_evidence="built in a test")  # fmt: skip
LONG = (
    "The contractors could work in sections, two at a time, and leave the rest open. It "
    "would take longer, and it would cost more, but the boats could keep working."
)


def transcript(*turns: tuple[str, str, float | None]) -> Transcript:
    """Turns as (label, text, written start or None)."""
    labels = list(dict.fromkeys(label for label, _, _ in turns))
    built = [
        Turn(index=i, speaker=f"s{labels.index(label)}", label=label, text=text, line=i + 1,
             column=1, end_line=i + 1, start=start)
        for i, (label, text, start) in enumerate(turns)
    ]  # fmt: skip
    speakers = [
        Speaker(id=f"s{i}", label=label, role=Role.other, role_source=RoleSource.declared,
                turn_count=sum(t.label == label for t in built))
        for i, label in enumerate(labels)
    ]  # fmt: skip
    return Transcript(source=SOURCE, speakers=speakers, turns=built, pairs=[])


TIMED = transcript(("Host", "Why?", 0.0), ("Guest", LONG, 10.0), ("Host", "Thank you.", 30.0))


def srt_cues(t: Transcript, **options: object) -> list[tuple[int, int, list[str]]]:
    return [(c.start, c.end, c.lines) for c in read_srt(export(t, "srt", ExportOptions(**options)))]  # type: ignore[arg-type]


def test_written_times_start_each_turn_and_its_cues_share_the_time() -> None:
    cues = srt_cues(TIMED)
    firsts = [c for c in cues if c[2][0].startswith(("Host: ", "Guest: "))]
    assert [c[0] for c in firsts] == [0, 10000, 30000]
    guest = [c for c in cues if 10000 <= c[0] < 30000]
    assert len(guest) >= 2 and guest[-1][1] <= 30000 - 84
    # Shared by text length (columns without spaces), keeping the 84 ms gap between cues.
    widths = [len("".join(c[2]).replace(" ", "")) for c in guest]
    available = (30000 - 84 - 10000) - 84 * (len(guest) - 1)
    assert guest[1][0] == pytest.approx(10000 + available * widths[0] / sum(widths) + 84, abs=2)


def test_a_cue_never_stays_longer_than_the_profile_allows() -> None:
    cues = srt_cues(TIMED)
    assert cues[0][:2] == (0, 7000)  # "Why?" may not stay up for the ten seconds till the answer


def test_start_offsets_the_whole_track() -> None:
    plain, shifted = srt_cues(TIMED), srt_cues(TIMED, start=3600.0)
    assert [(s + 3_600_000, e + 3_600_000) for s, e, _ in plain] == [(s, e) for s, e, _ in shifted]


def test_duration_stretches_an_estimated_track_to_the_recording() -> None:
    t = parse_file(SAMPLES / "article-preamble.txt")
    natural = srt_cues(t)[-1][1]
    for seconds in (natural / 500, natural / 1000 * 1.5):
        end = srt_cues(t, duration=seconds)[-1][1]
        assert seconds * 1000 * 0.95 <= end <= seconds * 1000 + 1


def test_dense_written_times_still_give_ordered_positive_cues() -> None:
    same = transcript(("Host", LONG, 5.0), ("Guest", LONG, 5.0), ("Host", "Yes.", 5.2))
    cues = srt_cues(same)
    assert all(s < e for s, e, _ in cues)
    assert all(b[0] - a[1] >= 84 for a, b in itertools.pairwise(cues))


def test_estimated_webvtt_says_so_and_timed_webvtt_does_not() -> None:
    estimated = export(transcript(("Host", "Hello.", None)), "vtt")
    assert estimated.startswith("WEBVTT\n\nNOTE\nTimes are estimated")
    assert "NOTE" not in export(TIMED, "vtt")
    partly = transcript(("Host", "Hello.", 0.0), ("Guest", "Hi.", None))
    assert "gives none for 1 of its turns" in export(partly, "vtt")
    stretched = export(transcript(("Host", "Hello.", None)), "vtt", ExportOptions(duration=60))
    assert "pause at each change of speaker, stretched to 60 s." in stretched


def test_srt_prefix_opens_each_turn_and_only_there() -> None:
    t = parse_file(SAMPLES / "article-preamble.txt")
    cues = srt_cues(t)
    labels = tuple(f"{s.label}: " for s in t.speakers)
    assert sum(" ".join(c[2]).startswith(labels) for c in cues) == len(t.turns)


def test_webvtt_voice_on_every_cue_and_none_with_style_none() -> None:
    t = parse_file(SAMPLES / "colon-traps.txt")
    voiced = read_vtt(export(t, "vtt"))
    assert all(v is not None for c in voiced for v in c.voices)
    bare = export(t, "vtt", ExportOptions(speaker_style="none"))
    assert "<v " not in bare and len(read_vtt(bare)) == len(voiced)


def test_webvtt_escapes_markup_and_never_writes_an_arrow_in_text() -> None:
    t = transcript(("A & B <Ltd>", "Is a <b> & c --> d?", None), ("Q", "Yes.", None))
    text = export(t, "vtt")
    body = text.split("\n\n", 2)[2]
    assert "<v A &amp; B &lt;Ltd&gt;>Is a &lt;b&gt; &amp; c --&gt; d?</v>" in body
    assert all("-->" not in line for line in body.splitlines() if not line[:1].isdigit())
    assert read_vtt(text)[0].lines == ["Is a <b> & c --> d?"]


def test_dash_style_puts_a_quick_exchange_in_one_cue_dashed_as_the_profile_guide_does() -> None:
    t = transcript(("Host", "Did the crew talk to you?", None), ("Guest", "Not at first.", None))
    assert srt_cues(t, speaker_style="dash")[0][2] == [  # Netflix: a hyphen, no space
        "-Did the crew talk to you?",
        "-Not at first.",
    ]
    assert srt_cues(t, speaker_style="dash", profile="bbc")[0][2] == [
        "- Did the crew talk to you?",
        "- Not at first.",
    ]
    voiced = read_vtt(export(t, "vtt", ExportOptions(speaker_style="dash")))
    assert voiced[0].voices == ["Host", "Guest"]


def test_without_dash_a_cue_never_spans_two_speakers() -> None:
    t = transcript(("Host", "Did the crew talk to you?", None), ("Guest", "Not at first.", None))
    assert [c[2] for c in srt_cues(t)] == [
        ["Host: Did the crew talk to you?"],
        ["Guest: Not at first."],
    ]


def test_cjk_lines_are_measured_in_columns() -> None:
    t = transcript(
        ("李明", "今日は良い天気ですね。明日も晴れるでしょう。週末は海へ行きます。", None)
    )
    for _, _, lines in srt_cues(t, profile="podcast"):
        assert all(sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) <= 32 for line in lines)


def test_unknown_profile_is_a_usage_error_listing_the_known_ones() -> None:
    with pytest.raises(UsageError, match="known: bbc, netflix, podcast"):
        export(TIMED, "srt", ExportOptions(profile="hbo"))
    result = CliRunner().invoke(cli, ["convert", str(SAMPLES / "qa-markers.txt"), "--to", "vtt",
                                      "--profile", "hbo"])  # fmt: skip
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "unknown subtitle profile 'hbo'" in result.stderr


def test_cli_writes_srt_and_lists_the_formats() -> None:
    runner = CliRunner()
    args = ["--to", "srt", "--profile", "bbc", "--wpm", "180", "--start", "0:01:00"]
    result = runner.invoke(cli, ["convert", str(SAMPLES / "qa-markers.txt"), *args])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1\n00:01:00,000 --> ")
    assert {"srt", "vtt"} <= {
        line.split()[0] for line in runner.invoke(cli, ["formats"]).stdout.splitlines()
    }
