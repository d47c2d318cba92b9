"""The user's files: read with errors that name them, written so that nothing is lost.

Below every other layer but the errors. Outputs are written to a temporary file in the same
folder and renamed over the target, so readers see the old file or the new one, never a mix.
A file rewritten in place (``fmt``) is rewritten where its symbolic link points, keeps its
mode bits and owner, and is refused rather than damaged: a read-only file, a file with
other hard links (a rename would split them), a file that changed while it was being
formatted. An output that is the input itself (also through a link) is refused.

A write killed midway leaves its temporary file, ``.NAME.PID-XXXXXXXX.tmp``, behind; the
next rewrite of NAME removes such files when they are plainly stale: named in exactly that
way, regular files of this user, their process gone and untouched for a minute.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import FileError

# A temporary file left older than this by a process that is gone is stale.
STALE_AFTER = 60.0


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of file ``path``; :class:`FileError` naming it if it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise FileError(f"cannot read: {exc.strerror or exc}", path=os.fspath(path)) from None
    except ValueError as exc:  # a NUL byte in the name
        raise FileError(f"cannot read: {exc}", path=os.fspath(path)) from None


def _regular(status: os.stat_result | None) -> os.stat_result | None:
    return status if status is not None and stat.S_ISREG(status.st_mode) else None


def _stat_path(path: str) -> os.stat_result | None:
    try:
        return _regular(os.stat(path))
    except (OSError, ValueError):
        return None


def _stat_stream(stream: object) -> os.stat_result | None:
    """The file behind a standard stream, if it is a regular file (not a terminal or pipe)."""
    try:
        return _regular(os.fstat(stream.fileno()))  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return None


def refuse_output_onto_input(output: str | None, source: str | None) -> None:
    """Raise :class:`FileError` if writing ``output`` would overwrite input ``source``.

    ``output`` None or ``-`` is standard output, ``source`` None or ``-`` standard input;
    the two are compared as files (device and inode), so a symbolic or hard link to the
    input, or standard input and output redirected from and to one file, are caught too.
    """
    to_stdout = output is None or output == "-"
    written = _stat_stream(sys.stdout) if to_stdout else _stat_path(str(output))
    read = _stat_stream(sys.stdin) if source is None or source == "-" else _stat_path(source)
    if written is None or read is None:
        return
    if (written.st_dev, written.st_ino) == (read.st_dev, read.st_ino):
        shown = source if source not in (None, "-") else "standard input"
        where = "standard output" if to_stdout else f"-o {output}"
        raise FileError(
            f"refusing to write the output onto the input ({where} is {shown}); name another file",
            path=None if to_stdout else output,
        )


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same folder and a rename.

    Readers see the old file or the new one, never a mix; a crash leaves no partial file.
    """
    with atomic_open(path) as handle:
        handle.write(text.encode("utf-8"))


def rewrite(path: str, data: bytes, *, expected: bytes) -> None:
    """Replace the contents of existing file ``path`` with ``data``, atomically, if it still
    holds ``expected``; :class:`FileError` (the file untouched) when that is not safe.

    A symbolic link stays a link: its target is rewritten. The new file keeps the mode bits
    and the owner of the old one.
    """
    target = os.path.realpath(path)
    try:
        status = os.stat(target)
    except OSError as exc:
        raise FileError(f"cannot write: {exc.strerror or exc}", path=path) from None
    if not stat.S_ISREG(status.st_mode):
        raise FileError("cannot write: not a regular file", path=path)
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise FileError("cannot write: the file is read-only (left unchanged)", path=path)
    if status.st_nlink > 1:
        raise FileError(
            f"cannot write: the file has {status.st_nlink} hard links, which a rewrite would "
            "split (left unchanged)",
            path=path,
        )
    remove_stale_temporaries(target)
    try:
        with atomic_open(target, keep=status, expected=expected, shown=path) as handle:
            handle.write(data)
    except OSError as exc:
        raise FileError(f"cannot write: {exc.strerror or exc}", path=path) from None


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str],
    *,
    keep: os.stat_result | None = None,
    expected: bytes | None = None,
    shown: str | None = None,
) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new contents to, a piece at a time if need be.

    It is a temporary file in the same folder, synced and renamed over ``path`` when the
    ``with`` block ends; an exception in the block removes it and leaves ``path`` as it was.
    The new file gets the mode bits of the old one (or of ``keep``, the old file's status,
    whose owner it keeps too). With ``expected``, the rename happens only if ``path`` still
    holds exactly those bytes (else :class:`FileError`: somebody saved it meanwhile).
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent or "."
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        old = keep if keep is not None else _stat_path(str(target))
        if old is not None:
            with contextlib.suppress(OSError):
                os.chmod(tmp, old.st_mode & 0o7777)
            if keep is not None:
                _keep_owner(tmp, keep, shown or str(target))
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        if expected is not None:
            _still(target, expected, keep, shown or str(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _keep_owner(tmp: str, old: os.stat_result, shown: str) -> None:
    new = os.stat(tmp)
    if (new.st_uid, new.st_gid) == (old.st_uid, old.st_gid):
        return
    try:
        os.chown(tmp, old.st_uid, old.st_gid)
    except OSError:
        raise FileError(
            f"cannot write: the file belongs to user {old.st_uid} (group {old.st_gid}) and a "
            "rewrite would hand it to you (left unchanged)",
            path=shown,
        ) from None
    os.chmod(tmp, old.st_mode & 0o7777)  # chown clears the set-id bits


def _still(target: Path, expected: bytes, keep: os.stat_result | None, shown: str) -> None:
    """Raise :class:`FileError` if ``target`` no longer holds ``expected`` (nor is the file
    whose status is ``keep``): an edit saved while it was being rewritten."""
    try:
        now = os.stat(target)
        same = target.read_bytes() == expected
    except OSError:
        same = False
    else:
        same = same and (keep is None or (now.st_dev, now.st_ino) == (keep.st_dev, keep.st_ino))
    if not same:
        raise FileError("changed while it was being rewritten; left as it is now", path=shown)


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[str]:
    """Remove the temporary files a killed write of ``path`` left behind; return their names.

    Only files named as :func:`atomic_open` names them for ``path``, regular files of this
    user, whose process is gone and which nobody touched for ``STALE_AFTER`` seconds.
    """
    target = Path(path)
    folder = target.parent or Path(".")
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)-[a-z0-9_]{{8}}\.tmp")
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    now = time.time()
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if (
            stat.S_ISREG(status.st_mode)
            and status.st_uid == os.geteuid()
            and now - status.st_mtime > STALE_AFTER
            and not _alive(int(match.group(1)))
        ):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # another user's process, or no way to tell: keep the file
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
