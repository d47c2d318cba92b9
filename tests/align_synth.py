"""A synthesized two-voice interview with known turn starts, for the alignment tests and bench.

``espeak-ng`` speaks each turn in one of two voices; random pauses separate the turns, and a
third of the turns get a filler the transcript leaves out ("um, well", "you know"), at their
start or in their middle. The truth of a turn's start is the first loud sample of its speech
(a filler included), measured on the synthesized audio, not taken from espeak's timing.
"""

from __future__ import annotations

import array
import random
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

VOICES = ("en-us", "en-gb+f3")
FILLERS = ("um, well,", "uh,", "you know,", "so, um,", "I mean,")
RATE = 16_000

# Our own interview, written for this test: plain English words of the pronouncing dictionary.
TURNS = (
    (
        "HOST",
        "Welcome back to the show. Today I am talking with a farmer who grows apples "
        "in the hills north of the river.",
    ),
    ("GUEST", "Thank you for having me. It is good to be here after a long season."),
    ("HOST", "How did you start working on the farm?"),
    (
        "GUEST",
        "My father planted the first trees when I was a small child. I helped him "
        "every summer, and when he retired I took over the whole place.",
    ),
    ("HOST", "What was the hardest part of that change?"),
    (
        "GUEST",
        "Learning to sell the fruit. Growing it was something I knew, but finding "
        "buyers in the city took years of trying.",
    ),
    ("HOST", "And the weather this year?"),
    (
        "GUEST",
        "The spring was cold and wet, so the bees stayed home. We lost almost half of "
        "the early crop, but the late trees did very well.",
    ),
    ("HOST", "Do you use any new methods to protect the trees?"),
    (
        "GUEST",
        "We put nets over the young trees and we keep the grass short between the rows. "
        "Small things, but they help.",
    ),
    ("HOST", "Many listeners asked about water. Is there enough of it?"),
    (
        "GUEST",
        "Most years there is. We built a pond above the orchard, and it fills with "
        "rain in the winter months.",
    ),
    ("HOST", "What would you tell a young person who wants to farm?"),
    (
        "GUEST",
        "Start small, keep good notes, and talk to your neighbors. They know more than any book.",
    ),
    ("HOST", "Where can people buy your apples?"),
    (
        "GUEST",
        "At the market on the main square every Saturday morning, from August until "
        "the end of October.",
    ),
    ("HOST", "Thank you so much for your time today."),
    ("GUEST", "It was a pleasure. Thank you."),
)


@dataclass(frozen=True)
class Interview:
    transcript: str
    """The transcript text (labels and turns, no fillers)."""
    starts: list[float]
    """The true start of each turn's speech, in seconds."""
    duration: float


def espeak_missing() -> str | None:
    """Why the interview cannot be synthesized here, or None."""
    for tool in ("espeak-ng",):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: apt-get install espeak-ng)"
    return None


def _speak(text: str, voice: str, folder: Path) -> array.array[int]:
    out = folder / "turn.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "165", "-w", str(out), text], check=True)
    with wave.open(str(out), "rb") as handle:
        rate, frames = handle.getframerate(), handle.readframes(handle.getnframes())
    samples = array.array("h", frames)
    return _resample(samples, rate)


def _resample(samples: array.array[int], rate: int) -> array.array[int]:
    """Linear resampling to ``RATE`` (espeak-ng writes 22,050 Hz)."""
    if rate == RATE:
        return samples
    count = len(samples) * RATE // rate
    step = rate / RATE
    out = array.array("h", bytes(2 * count))
    last = len(samples) - 1
    for index in range(count):
        position = index * step
        left = int(position)
        right = min(left + 1, last)
        frac = position - left
        out[index] = int(samples[left] * (1 - frac) + samples[right] * frac)
    return out


def _first_loud(samples: array.array[int], threshold: int = 500) -> int:
    for index, value in enumerate(samples):
        if abs(value) > threshold:
            return index
    return 0


def synthesize(wav_path: Path, *, seed: int = 16, repeat: int = 1) -> Interview:
    """Write the interview (``repeat`` times over, for long benchmarks) to ``wav_path``."""
    rng = random.Random(seed)
    audio = array.array("h")
    lines: list[str] = []
    starts: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            for number, (label, text) in enumerate(TURNS):
                spoken = text
                if rng.random() < 1 / 3:
                    filler = rng.choice(FILLERS)
                    words = text.split()
                    if rng.random() < 0.5:
                        spoken = f"{filler} {text}"
                    else:
                        cut = rng.randrange(1, len(words))
                        spoken = " ".join([*words[:cut], filler, *words[cut:]])
                samples = _speak(spoken, VOICES[number % 2], Path(tmp))
                pause = rng.uniform(0.3, 1.5)
                audio.extend(bytes(2 * int(pause * RATE)))
                starts.append((len(audio) + _first_loud(samples)) / RATE)
                audio.extend(samples)
                lines.append(f"{label}: {text}")
        audio.extend(bytes(2 * RATE // 2))
    with wave.open(str(wav_path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(audio.tobytes())
    return Interview("\n\n".join(lines) + "\n", starts, len(audio) / RATE)


# Container formats the alignment must read: (suffix, container, audio codec, sample rate,
# with a video track). Encoded by PyAV (the align extra) from the synthesized WAV.
FORMATS = (
    ("flac", "flac", "flac", 16_000, False),
    ("mp3", "mp3", "libmp3lame", 44_100, False),
    ("m4a", "ipod", "aac", 44_100, False),
    ("ogg", "ogg", "libopus", 48_000, False),
    ("mp4", "mp4", "aac", 44_100, True),
)


def encode(
    wav_path: Path, out_path: Path, container: str, codec: str, rate: int, video: bool
) -> None:
    """Write the WAV's sound to ``out_path`` in another container and codec (a one-frame
    video track too when ``video``), for tests that the aligner reads each."""
    import av

    with wave.open(str(wav_path), "rb") as handle:
        source_rate, data = handle.getframerate(), handle.readframes(handle.getnframes())
    with av.open(str(out_path), "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        picture = None
        if video:
            picture = out.add_stream("mpeg4", rate=1)
            picture.width = picture.height = 32
            picture.pix_fmt = "yuv420p"
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        step = 2 * source_rate  # one second a frame
        frames = []
        for at in range(0, len(data), step):
            chunk = data[at : at + step]
            frame = av.AudioFrame(format="s16", layout="mono", samples=len(chunk) // 2)
            frame.planes[0].update(chunk)
            frame.sample_rate = source_rate
            frame.pts = at // 2
            frames.append(frame)
        for frame in [*frames, None]:
            for converted in resampler.resample(frame):
                out.mux(stream.encode(converted))
        out.mux(stream.encode(None))
        if picture is not None:
            out.mux(picture.encode(av.VideoFrame(32, 32, "yuv420p")))
            out.mux(picture.encode(None))
