"""Reading and writing files a stranger's pull request controls, in one place.

Claim files, lock files and configuration arrive in pull requests, and CI runs claimcheck
with secrets in its environment.  So:
- a file is read only if it is a regular file, and at most ``limit`` bytes of it (a lock
  that is /dev/zero must not grow without end);
- a claim file found by walking a folder is read only if its real path is inside that
  folder, and a symlink named on the command line only if it points inside its own
  folder: ``claims/env.yaml -> /proc/self/environ`` is skipped, never echoed;
- a write never goes through a symlink to a regular file (``claims.lock -> ~/.bashrc``),
  and never replaces one of the run's own inputs.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

#: the largest claim file read (a claim file is a few kilobytes; this bounds a hostile one)
MAX_BYTES = 1_000_000


class UnsafePath(OSError):
    """A path claimcheck refuses to read or write: what is wrong, and what to do."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code, self.message, self.hint = code, message, hint


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def check_containment(path: Path, root: Path | None, real_root: str | None = None) -> None:
    """Refuse a claim file that leads out of where it was found: out of the folder that
    was walked (``root``, whose real path a caller reading many files may pass as
    ``real_root``), or, for a named symlink, out of the folder it lies in."""
    if root is not None:
        real_text = os.path.realpath(path)
        folder_text = real_root or os.path.realpath(root)
        if real_text.startswith(folder_text + os.sep):  # both real: the common case, fast
            return
        real = Path(real_text)
        if not _inside(real, Path(folder_text)):
            raise UnsafePath("file-outside", f"skipped: its real path {real} is outside "
                             f"{root}",
                             "a symlink out of the claims folder is never followed; put "
                             "the claim file itself in the folder")
    elif path.is_symlink():
        real = Path(os.path.realpath(path))
        folder = Path(os.path.realpath(path.parent))
        if not _inside(real, folder):
            raise UnsafePath("file-outside", f"skipped: it is a symlink to {real}, outside "
                             "its folder",
                             "name the file the link points to, if that is meant")


def read_bounded(path: Path, limit: int, root: Path | None = None,
                 real_root: str | None = None) -> bytes:
    """At most ``limit`` bytes of a regular file; UnsafePath when it is not one, leads
    out of its folder, or is larger."""
    check_containment(path, root, real_root)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the open
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise UnsafePath("file-unreadable", "not a regular file (a device, a pipe or a "
                             "folder)",
                             "name a claim file")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise UnsafePath("file-too-large", f"the file is larger than {limit:,} bytes",
                         "split it into smaller files")
    return data


def read_stdin_bounded(limit: int) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise UnsafePath("file-too-large", f"standard input is larger than {limit:,} bytes",
                         "split it into smaller files")
    return data


def check_writable(path: Path) -> None:
    """Refuse to write through a symlink to a regular file (or to nothing yet): a
    committed ``claims.lock -> ~/.bashrc`` must not let a run overwrite ~/.bashrc.  A link
    to a device or a pipe (``/dev/stdout``) is fine."""
    if not path.is_symlink():
        return
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return
    raise UnsafePath("output-unwritable",
                     f"{path} is a symlink to {os.path.realpath(path)}: not written through",
                     "remove the link, or name the file it points to")


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomically(path: Path, text: str, force: bool) -> None:
    """Write all of ``text`` or nothing: a temporary file in the same folder, renamed.

    A symlink to a regular file is refused (a committed ``claims.lock -> ~/.bashrc``); a
    device or a pipe, or a link to one (``/dev/stdout``), is written in place; the file
    gets the mode a plain open() would give it (mkstemp's 0600 would hide a report from
    the CI user that uploads it)."""
    with atomic_writer(path, force) as handle:
        handle.write(text)


@contextmanager
def atomic_writer(path: Path, force: bool = True) -> Iterator[TextIO]:
    """``write_atomically`` for text written a piece at a time: the file appears, whole,
    when the block ends without an error, and not at all otherwise."""
    check_writable(path)
    if path.is_dir():
        raise IsADirectoryError(21, "it is a folder: name a file in it", str(path))
    blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:  # 'art.txt/x.yaml': mkdir would say the file 'exists'
        raise NotADirectoryError(20, f"{blocking} is a file, not a folder", str(path))
    if path.exists() and not force:
        raise FileExistsError(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        # a device or a pipe (/dev/null, /dev/stdout): written in place, never replaced
        with path.open("w", encoding="utf-8") as stream:
            yield stream
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only a run that writes pays for it (a cache hit reads)

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
        mask = os.umask(0)
        os.umask(mask)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~mask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def display_path(path: Path) -> str:
    """The path as reports name it: '/'-separated, and always valid text (a file name
    that is not UTF-8 shows U+FFFD where its odd bytes are, rather than crash a writer)."""
    return path.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "replace")
