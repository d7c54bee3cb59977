"""The last build's output, reused in place: a full build overwrites its files instead of
deleting them all first.

A full build starts by emptying the site folder (MkDocs' ``clean_directory``) and then creates
every folder and file again: at 10,000 articles that is 30,000 files deleted and created, seconds
of system time on a machine the build keeps busy. ``set_aside`` (``on_pre_build``) moves the visible
entries into one hidden folder of the site folder (a rename each; MkDocs keeps hidden entries), so
MkDocs' clean finds nothing to delete; ``put_back`` (``on_files``, after the clean) moves them back,
and the build writes over its files in place. ``sweep`` (after the build) deletes what this build
did not write, every file older than the marker made when the build started and the folders left
empty, so the site is what a clean build makes. A folder left by an interrupted build is deleted
by the next one.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)
PREFIX = ".news-archive-previous-"
MARKER = ".build-started"


class PreviousSite:
    """The site folder's visible entries, set aside in ``folder`` while MkDocs cleans."""

    def __init__(self, site_dir: Path, folder: Path, started_ns: int, leftovers: list[Path]) -> None:
        self.site_dir, self.folder, self.started_ns, self.leftovers = site_dir, folder, started_ns, leftovers

    def put_back(self) -> None:
        """Move the entries back where they were (unless something took the name meanwhile)."""
        for name in os.listdir(self.folder):
            if name != MARKER and not os.path.lexists(self.site_dir / name):
                try:
                    os.rename(self.folder / name, self.site_dir / name)
                except OSError:
                    continue  # deleted with the folder by ``sweep``

    def sweep(self) -> None:
        """Delete what this build did not write, then the hidden folders."""
        for name in os.listdir(self.site_dir):
            if not name.startswith("."):  # MkDocs keeps hidden entries of the site folder
                _delete_older(self.site_dir / name, self.started_ns)
        for folder in [self.folder, *self.leftovers]:
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                log.warning("Could not delete %s (the last build's output); delete it by hand", folder)


def set_aside(site_dir: Path) -> PreviousSite | None:
    """Move the visible entries of ``site_dir`` into a hidden folder there; None when there are none."""
    try:
        names = os.listdir(site_dir)
    except OSError:  # no site folder yet (or not readable: MkDocs reports that)
        return None
    leftovers = [site_dir / name for name in names if name.startswith(PREFIX)]  # left by an interrupted build
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
    visible = [name for name in names if not name.startswith(".")]
    if not visible:
        return None
    try:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=site_dir))
        marker = folder / MARKER
        marker.write_bytes(b"")
        started_ns = marker.stat().st_mtime_ns  # the file system's clock, as every file written next
    except OSError:  # MkDocs' own clean empties the folder
        return None
    for name in visible:
        try:
            os.rename(site_dir / name, folder / name)
        except OSError:  # stays where it is: MkDocs' own clean deletes it
            continue
    return PreviousSite(site_dir, folder, started_ns, [f for f in leftovers if f.exists()])


def _delete_older(path: Path, started_ns: int) -> None:
    """Delete the files below ``path`` (or ``path`` itself) modified before ``started_ns``, and
    the folders that leaves empty."""
    try:
        if not path.is_dir() or path.is_symlink():
            if path.lstat().st_mtime_ns < started_ns:
                path.unlink()
            return
        with os.scandir(path) as entries:
            children = [Path(entry.path) for entry in entries]
        for child in children:
            _delete_older(child, started_ns)
        if not os.listdir(path):
            path.rmdir()
    except OSError as error:
        log.warning("Could not delete %s (left by the last build): %s", path, error)
