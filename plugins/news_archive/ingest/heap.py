"""Keep the memory one chunk of texts frees for the next chunk, in a process that runs the model.

A tagging worker runs ``nlp.pipe`` once per chunk of texts. At the end of each chunk every array
of the model's layers is freed at once, and glibc gives the top of the heap (and every array above
its mmap threshold) back to the kernel; the next chunk asks for the same memory again and the
kernel hands it over page by page, zeroed. Measured on the 1,000-article bench archive with one
worker: 817,000 page faults and 6.0 s of system time, against 177,000 and 1.4 s with the settings
below, and 63 s against 51 s for the whole run (BENCHMARKS.md, session 8). A process that runs one
long ``nlp.pipe`` does not see this: bare spaCy 84,000 faults, ingest with ``workers: 0`` 150,000.
"""

from __future__ import annotations

import ctypes
import logging

log = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 << 20  # glibc's ceiling: larger blocks are mapped whatever this says
TRIM_THRESHOLD = 512 << 20  # free memory kept at the top of the heap before any goes back


def keep_freed_memory() -> bool:
    """Ask glibc to serve blocks up to 32 MiB from the heap and keep up to 512 MiB it frees; False
    where the C library has no ``mallopt`` (macOS) or refuses (then nothing changes)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    done = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
    log.debug("keeping freed memory for the next chunk: %s", "yes" if done else "not supported here")
    return done
