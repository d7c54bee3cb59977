"""The last build's output, set aside and deleted beside the new build instead of before it.

A full build starts by emptying the site folder (MkDocs' ``clean_directory``): at 10,000
articles that is 30,000 files and seconds of the build's own time. ``set_aside`` moves the
visible entries into one hidden folder of the site folder (a rename each; MkDocs keeps hidden
entries, as it never writes any) and a thread deletes that folder while MkDocs renders the new
pages. ``wait`` returns once it is gone. A folder left behind by an interrupted build is deleted by
the next one.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)
PREFIX = ".news-archive-previous-"


class PreviousSite:
    """Deletes the folders handed to it in a thread of its own."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self._thread = threading.Thread(target=self._delete, name="news-archive-previous-site", daemon=True)
        self._thread.start()

    def _delete(self) -> None:
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)

    def wait(self) -> None:
        self._thread.join()
        for folder in self.folders:
            if folder.exists():
                log.warning("Could not delete %s (the last build's output); delete it by hand", folder)


def set_aside(site_dir: Path) -> PreviousSite | None:
    """Move the visible entries of ``site_dir`` into a hidden folder there and start deleting it."""
    try:
        names = os.listdir(site_dir)
    except OSError:  # no site folder yet (or not readable: MkDocs reports that)
        return None
    folders = [site_dir / name for name in names if name.startswith(PREFIX)]  # left by an interrupted build
    visible = [name for name in names if not name.startswith(".")]
    if visible:
        try:
            folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=site_dir))
        except OSError:
            folder = None
        if folder is not None:
            folders.append(folder)
            for name in visible:
                try:
                    os.rename(site_dir / name, folder / name)
                except OSError:  # stays where it is: MkDocs' own clean deletes it
                    continue
    return PreviousSite(folders) if folders else None
