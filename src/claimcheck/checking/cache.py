"""A results cache: a claim file that has not changed is not checked again.

A result is stored under a key made of everything it depends on: the file's bytes, the
name reports give it, whether lint ran, and a fingerprint of claimcheck itself (the
source and data files of this very installation, and pint's version), so a result is
never trusted across versions or after an edit to claimcheck.  Entries are JSON, decoded
into a fixed list of report classes: a cache file, however it was written, can at worst
give a wrong report, never run code (no pickles).  Writes are atomic (a temporary file,
renamed), so concurrent runs never see half an entry.  Beside a result, its part of the
text report is kept as drawn, one file per layout (``KEY.LAYOUT.txt``: width, colours,
view, rich's files), for the next text run drawn the same way; and the lines that
ended the last text report drawn in each layout (``LAYOUT.tail``, under the key of its
counts and names).

Where: ``$CLAIMCHECK_CACHE_DIR``, else the platform's cache folder
(``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS,
``%LOCALAPPDATA%`` on Windows) under ``claimcheck/results``.  ``--no-cache`` or
``CLAIMCHECK_CACHE=off`` turns it off.  A hit imports neither pint, pydantic nor the
engine."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from ..diagnostics import Diagnostic, Severity
from ..outcomes import Verdict
from .report import CheckResult, FileResult, RenderedResult, file_json


class Target(Protocol):
    """A claim file of a run, as `claimcheck.api.Target` describes one."""

    @property
    def path(self) -> Path: ...
    @property
    def root(self) -> Path | None: ...
    @property
    def shown(self) -> str: ...

#: bumped when the layout of an entry changes.  An entry is two files: KEY.json holds the
#: key and the slim result (flat lists) on its first line (JSON escapes every newline
#: inside a string), then the file's JSON report entry as written, so that a JSON-only
#: run copies it through without decoding anything big; KEY.full holds the whole result,
#: read only by the other formats.
FORMAT = 4


try:  # the built-in BLAKE2: hashlib would load OpenSSL first, ~2 ms of a cache hit's start
    from _blake2 import blake2b as _blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b as _blake2b


def new_digest(data: bytes = b"") -> _blake2b:
    """A hash for the cache's keys (a result's, a layout's, a report's last lines):
    BLAKE2b, 256 bits."""
    return _blake2b(data, digest_size=32)


def default_folder() -> Path:
    if folder := os.environ.get("CLAIMCHECK_CACHE_DIR"):
        return Path(folder)
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "claimcheck" / "results"


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(
    os, "O_BINARY", 0)


def write_entry(folder: str, name: str, text: str) -> None:
    """Write one file of the cache whole or not at all: a temporary file of this
    process, created exclusively in the same folder, renamed over the entry.  The
    cache's own folder needs none of the checks a user's output gets (symlinks,
    devices, folders in the way: ``safe_io.atomic_writer``), which cost a cold run some
    twenty file-system calls an entry; an exclusive create never follows a link, and a
    rename replaces one.  UTF-8 bytes as they are, newlines included."""
    # random, not a counter: runs in two containers sharing a cache can have one pid
    temporary = f"{folder}{os.sep}.{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
    fd = os.open(temporary, _CREATE, 0o666)  # the mode a plain open() gives
    try:
        with open(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.replace(temporary, f"{folder}{os.sep}{name}")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def enabled() -> bool:
    return os.environ.get("CLAIMCHECK_CACHE", "").lower() not in ("off", "0", "no", "false")


@cache
def fingerprint() -> str:
    """This installation of claimcheck and of pint: each source and data file's path,
    size and modification time (an install or an edit changes them), and claimcheck's
    version.  Read from the file system only, without importing pint (a cache hit must
    not pay for it)."""
    import importlib.util

    from .. import __version__

    digest = new_digest(f"format {FORMAT} claimcheck {__version__}\n".encode())
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    spec = importlib.util.find_spec("pint")
    pint_folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in (package, *pint_folders):
        for line in sorted(_source_files(folder)):
            digest.update(line.encode())
    return digest.hexdigest()


def _source_files(folder: str) -> list[str]:
    """'path size mtime' of each source and data file under ``folder`` (os.scandir: a
    cache hit pays for this walk on every run, and pathlib's costs twice as much)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                found += _source_files(entry.path)
            elif entry.name.endswith((".py", ".txt", ".csv")):
                stat = entry.stat()
                found.append(f"{entry.path} {stat.st_size} {stat.st_mtime_ns}\n")
    return found


class ResultCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.root = folder or default_folder()
        self.folder = self.root / fingerprint()[:16]
        self._keys: dict[tuple[Path, bool], str] = {}
        self._real_roots: dict[Path, str] = {}  # for one run: each walked folder once
        self._text_keys: dict[str, str] = {}  # shown name -> key, for ``put_text``
        self._folder_text = str(self.folder)
        self.hits = self.misses = 0
        self._made = False  # this version's folder is there

    def _key(self, target: Target, lint: bool) -> str | None:
        from ..claimfile.safe_io import MAX_BYTES, read_bounded

        root = target.root
        real_root = None
        if root is not None:
            real_root = self._real_roots.get(root) or os.path.realpath(root)
            self._real_roots[root] = real_root
        try:  # the same bounded, contained read as a check: anything odd is not cached
            data = read_bounded(target.path, MAX_BYTES, root, real_root)
        except (OSError, ValueError):
            return None
        digest = new_digest(fingerprint().encode())
        for part in (target.shown.encode("utf-8"), b"lint" if lint else b"verify", data):
            digest.update(len(part).to_bytes(8, "big") + part)
        return digest.hexdigest()

    def _entry(self, key: str, suffix: str) -> str:
        # a plain string path: ten thousand hits build no Path objects
        return f"{self._folder_text}{os.sep}{key}.{suffix}"

    def has(self, target: Target, lint: bool) -> bool:
        """Whether an entry for this very file exists (``get`` reads it)."""
        key = self._key(target, lint)
        if key is None:
            return False
        self._keys[(target.path, lint)] = key
        return os.path.isfile(self._entry(key, "json"))

    def get(self, target: Target, lint: bool, *, rendered: bool = False,
            layout: str | None = None) -> FileResult | None:
        """The stored result, or None.  ``rendered``: only the slim result and the JSON
        report entry (a ``RenderedResult``), for a run whose only output is JSON.
        ``layout``: the run's only output is the text report drawn so (see
        ``render.text_console.layout_key``); when this file was drawn so before, only the slim
        result and that text (a ``RenderedResult``), else the whole result, whose text
        ``put_text`` then keeps."""
        # a hit needs its key no more (ten thousand of them would be held to the end);
        # a miss keeps it for ``put``
        key = self._keys.pop((target.path, lint), None) or self._key(target, lint)
        if key is None:
            return None
        try:
            text = self._text(key, layout) if layout is not None else None
            with open(self._entry(key, "json"), "rb") as entry:
                if text is not None:  # the head alone: the JSON entry is not needed
                    head, json_text = entry.readline(), b""
                else:
                    head, json_text = entry.read().split(b"\n", 1)
            meta = json.loads(head)
            if meta.get("format") != FORMAT or meta.get("key") != key:
                raise ValueError("not this entry")
            # a JSON-only run reads neither the whole result nor decodes its JSON entry
            if rendered or text is not None:
                result = _slim_result(meta["slim"], json_text, text)
            else:
                from .codec import decode

                result = decode(json.loads(Path(self._entry(key, "full")).read_bytes()))
                if layout is not None:
                    self._text_keys[target.shown] = key
            if not isinstance(result, FileResult):
                raise ValueError("not a result")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            self._keys[(target.path, lint)] = key
            return None
        self.hits += 1
        return result

    def _text(self, key: str, layout: str) -> str | None:
        try:
            # as text, newlines as written (write_entry writes them as they are)
            with open(self._entry(key, f"{layout}.txt"), encoding="utf-8",
                      errors="replace") as entry:
                return entry.read()
        except OSError:
            return None

    def put_text(self, shown: str, layout: str, text: str) -> None:
        """Keep the text report's part for the file reported as ``shown`` (a result
        just stored, or one just read whole), for runs drawn in the same ``layout``."""
        key = self._text_keys.pop(shown, None)
        if key is None:
            return
        self._write({f"{key}.{layout}.txt": text})

    def tail(self, layout: str, key: str) -> str | None:
        """The lines that ended the last text report drawn in ``layout``, if that report
        ended as ``key`` says (its summary's counts and names)."""
        try:
            with open(self._entry(layout, "tail"), encoding="utf-8",
                      errors="replace") as entry:
                kept, drawn = entry.read().split("\n", 1)
        except (OSError, ValueError):
            return None
        return drawn if kept == key else None

    def put_tail(self, layout: str, key: str, text: str) -> None:
        """Keep the lines that end a text report drawn in ``layout`` (one per layout: the
        next run over the same files ends the same way)."""
        self._write({f"{layout}.tail": f"{key}\n{text}"})

    def put(self, target: Target, lint: bool, result: FileResult, *,
            drawn: bool = False) -> RenderedResult | None:
        """Store ``result``; returns it as a ``RenderedResult`` (its JSON entry, written
        once for the cache and the report alike), or None when it is not stored.
        ``drawn``: the run draws the text report, whose part for this file ``put_text``
        then keeps."""
        if (result.is_lock or isinstance(result, RenderedResult)
                or (target.path, lint) not in self._keys):  # not to be stored: not encoded
            self._keys.pop((target.path, lint), None)
            return None
        ready = prepare(result, keep=True)
        key = self.put_prepared(target, lint, ready)
        if key is None:
            return None
        if drawn:
            self._text_keys[target.shown] = key
        return ready.rendered

    def put_prepared(self, target: Target, lint: bool, ready: Prepared,
                     layout: str | None = None) -> str | None:
        """Store a result a worker prepared (``prepare`` with ``keep``), with its part of
        the text report when it was drawn in ``layout``; its key, or None when it has
        none (a file that could not be keyed, a lock file)."""
        key = self._keys.pop((target.path, lint), None)
        rendered = ready.rendered
        if key is None or rendered.is_lock or ready.whole is None:
            return None
        head = _line({"format": FORMAT, "key": key, "slim": _slim_data(rendered)})
        # the whole result first: an entry whose head is there has its whole result
        json_text = rendered.json_text
        entry = json_text if isinstance(json_text, str) else json_text.decode("utf-8")
        files = {f"{key}.full": ready.whole, f"{key}.json": f"{head}\n{entry}"}
        if layout is not None and rendered.text is not None:
            files[f"{key}.{layout}.txt"] = rendered.text
        self._write(files)
        return key

    def _write(self, files: dict[str, str]) -> None:
        """Write each of ``files`` (name: text) in turn, in this version's folder; a
        cache that cannot be written only costs time."""
        try:
            self._make_folder()
            for name, text in files.items():
                write_entry(self._folder_text, name, text)
        except (OSError, UnicodeError):
            self._made = False  # its folder removed meanwhile, perhaps: made again next

    def _make_folder(self) -> None:
        """This version's folder, made once a run (and the other versions' removed)."""
        if not self._made:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                self._forget_other_versions()
            self._made = True

    def _forget_other_versions(self) -> None:
        """Entries of other versions of claimcheck are never read again: remove them."""
        import shutil

        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder and len(other.name) == 16:
                shutil.rmtree(other, ignore_errors=True)


@dataclass(frozen=True)
class Prepared:
    """A fresh result as it leaves the process that checked it (a worker), when the run
    writes one streamed report: its slim result with its JSON entry (and its part of the
    text report, when drawn there), and the whole result encoded for the cache (None
    when no cache is kept).  The main process then writes them through instead of
    receiving the whole result and rendering every file alone."""

    rendered: RenderedResult
    whole: str | None = None


def prepare(result: FileResult, *, keep: bool, json_entry: bool = True,
            text: str | None = None) -> Prepared:
    """``result`` made ready to write and to keep: ``keep``, the whole result encoded
    for the cache (whose entry holds the JSON entry too); ``json_entry``, the file's
    JSON report entry; ``text``, its part of the text report as drawn."""
    slim = result.slim()
    whole = None
    if keep:
        from .codec import encode

        whole = _line(encode(result))
    return Prepared(RenderedResult(
        path=slim.path, readable=slim.readable, is_lock=slim.is_lock, checks=slim.checks,
        diagnostics=slim.diagnostics,
        json_text=file_json(result) if keep or json_entry else "", text=text), whole)


def _line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _slim_data(slim: FileResult) -> list[Any]:
    """A slim result as flat lists: a warm run over ten thousand files decodes one per
    file, and the generic encoding's tagged objects cost more than everything else."""
    def brief(diagnostics: tuple[Diagnostic, ...]) -> list[list[str]]:
        return [[d.code, d.severity.value] for d in diagnostics]

    return [slim.path, slim.readable, slim.is_lock, brief(slim.diagnostics),
            [[c.id, c.verdict.value, c.expected, brief(c.diagnostics)] for c in slim.checks]]


def _slim_result(data: Any, json_text: bytes, drawn: str | None = None) -> RenderedResult:
    """``_slim_data`` read back; anything but its exact shape is a miss (ValueError)."""
    def text(value: Any, optional: bool = False) -> Any:
        if isinstance(value, str) or (optional and value is None):
            return value
        raise ValueError("not a slim result")

    def brief(rows: Any) -> tuple[Diagnostic, ...]:
        return tuple(Diagnostic(text(code), "", None, None, Severity(severity))
                     for code, severity in rows)

    path, readable, is_lock, diagnostics, checks = data
    if not isinstance(readable, bool) or not isinstance(is_lock, bool):
        raise ValueError("not a slim result")
    return RenderedResult(
        path=text(path), readable=readable, is_lock=is_lock,
        diagnostics=brief(diagnostics), json_text=json_text, text=drawn,
        checks=tuple(CheckResult.brief(text(check_id), _VERDICTS[verdict],
                                       text(expected, optional=True), brief(rows))
                     for check_id, verdict, expected, rows in checks))


#: a verdict by its value (a dict: a warm run reads one for every check of every file;
#: an unknown one is a KeyError, a miss)
_VERDICTS = {v.value: v for v in Verdict}
