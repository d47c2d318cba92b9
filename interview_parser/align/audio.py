"""Audio in: any file FFmpeg reads (WAV, MP3, M4A/AAC, FLAC, OGG/Opus, a video's sound),
decoded by PyAV to 16 kHz mono 16-bit samples, the form the aligner's acoustic model needs.

Samples arrive in pieces (:func:`pieces`), so a long recording is never whole in memory;
:class:`Window` keeps only the stretch a later step asks for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import FileError, InputError

RATE = 16_000
BYTES_PER_SECOND = 2 * RATE


def _open(path: str) -> Any:
    import av

    try:
        container = av.open(path)
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise FileError(f"cannot read: {exc.strerror or exc}", path=path) from None
    except (av.FFmpegError, OSError, UnicodeDecodeError) as exc:
        raise InputError(f"not an audio or video file FFmpeg can read ({exc})", path=path) from None
    if not container.streams.audio:
        container.close()
        raise InputError("the file has no audio track", path=path)
    return container


def duration(path: str) -> float | None:
    """The recording's length in seconds as its container states it (None if unstated)."""
    container = _open(path)
    try:
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        if container.duration is not None:
            return float(container.duration) / 1_000_000
        return None
    finally:
        container.close()


def pieces(path: str) -> Iterator[bytes]:
    """The audio track of ``path`` as 16 kHz mono signed 16-bit little-endian pieces."""
    import av

    container = _open(path)
    try:
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        try:
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    yield bytes(out.planes[0])[: 2 * out.samples]
            for out in resampler.resample(None):
                yield bytes(out.planes[0])[: 2 * out.samples]
        except av.FFmpegError as exc:
            raise InputError(f"the audio cannot be decoded ({exc})", path=path) from None
    finally:
        container.close()


class Window:
    """Reads a stream of pieces forward and hands out stretches of it by time, keeping only
    what lies after the last stretch asked for (stretches must be asked for in order)."""

    def __init__(self, stream: Iterator[bytes]) -> None:
        self._stream = stream
        self._buffer = bytearray()
        self._offset = 0  # byte position in the stream of _buffer[0]

    def take(self, start: float, end: float) -> bytes:
        """The samples from ``start`` to ``end`` seconds (shorter at the end of the stream)."""
        first = max(0, int(start * RATE)) * 2
        last = max(first, int(end * RATE) * 2)
        while self._offset + len(self._buffer) < last:
            piece = next(self._stream, None)
            if piece is None:
                break
            self._buffer += piece
        drop = max(0, min(first - self._offset, len(self._buffer)))
        if drop:
            del self._buffer[:drop]
            self._offset += drop
        lo = first - self._offset
        return bytes(self._buffer[max(0, lo) : last - self._offset])
