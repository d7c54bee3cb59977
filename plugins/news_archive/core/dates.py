"""Dates: datelines in text, dates in file names, normalisation to one time zone."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

_NUMERIC_DATELINE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
    r"(?:\s*(?:,|\||-|–|um)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?)?"
)
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2}))?")
_FILE_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WORDY_DATELINE = re.compile(
    r"^(?:(?:Stand|Veröffentlicht|Aktualisiert|Published|Updated|Datum|Date)\s*:?\s*)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?"
    r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s*)?"
    r"(?:\d{1,2}\.?\s+[A-ZÄÖÜa-zäöü]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})"
    r"(?:,?\s*(?:um\s*)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*$"
)
_LEADING_DATELINE = re.compile(
    r"^(?P<date>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
    r"|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s*\d{1,2}\.\s*[A-ZÄÖÜ][a-zäöü]+\.?\s+\d{4}))"
    r"\s+(?P<rest>[A-ZÄÖÜ\"“„«»'‘].*)$"
)
DATELINE_PREFIX = re.compile(r"^(?:Stand|Veröffentlicht|Aktualisiert|Zuletzt aktualisiert|Published|Updated)\s*(?::|am\b|on\b)", re.I)
MAX_DATELINE_LENGTH = 80


def is_dateline(line: str) -> bool:
    """A short line that is only a date (plus an optional label and time)."""
    line = line.strip()
    if not line or len(line) > MAX_DATELINE_LENGTH:
        return False
    if _WORDY_DATELINE.match(line):
        return True
    rest = _NUMERIC_DATELINE.sub("", line, count=1) if _NUMERIC_DATELINE.search(line) else None
    if rest is None:
        return False
    rest = DATELINE_PREFIX.sub("", rest.strip()).strip(" |,-–:")
    return rest == "" or rest.lower() in {"uhr", "aktualisiert", "stand"}


def split_leading_dateline(line: str) -> tuple[str, str] | None:
    """``"Thursday, May 7, 2015 On Tuesday, ..."`` → the dateline and the text run into it."""
    match = _LEADING_DATELINE.match(line.strip())
    return (match.group("date"), match.group("rest")) if match else None


def parse_dateline(line: str, zone: ZoneInfo) -> datetime | None:
    """The date and time a dateline names, in ``zone``; None when it names no valid date."""
    match = _NUMERIC_DATELINE.search(line)
    if match:
        return _build(match, zone)
    import dateparser  # slow import: only for worded dates

    cleaned = DATELINE_PREFIX.sub("", line.strip()).strip()
    parsed = dateparser.parse(cleaned, languages=["de", "en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return localize(parsed, zone) if parsed else None


def date_from_file_name(name: str, zone: ZoneInfo) -> datetime | None:
    match = _FILE_NAME_DATE.match(name)
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return datetime.combine(day, time(), tzinfo=zone)


def parse_date_value(value: object, zone: ZoneInfo) -> datetime | None:
    """A date from front matter, a sidecar or a JSON record: datetime, date or string."""
    if isinstance(value, datetime):
        return localize(value, zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=zone)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return localize(datetime.fromisoformat(text.replace("Z", "+00:00")), zone)
    except ValueError:
        pass
    match = _NUMERIC_DATELINE.search(text) or _ISO_DATE.search(text)
    if match:
        return _build(match, zone)
    return parse_dateline(text, zone)


def localize(value: datetime, zone: ZoneInfo) -> datetime:
    """Naive datetimes are taken as local time in ``zone``; aware ones are converted to it."""
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value.astimezone(zone)


def _build(match: re.Match[str], zone: ZoneInfo) -> datetime | None:
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["y"]), int(parts["m"]), int(parts["d"]),
            int(parts.get("H") or 0), int(parts.get("M") or 0), tzinfo=zone,
        )
    except ValueError:
        return None
