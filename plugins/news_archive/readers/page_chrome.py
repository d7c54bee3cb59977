"""Paragraphs that are page furniture by what they say, whatever the page's markup.

Consent notices, newsletter boxes, image credits and share bars survive extraction when a
publisher renders them as ordinary paragraphs (and reader views copy them). They are told apart
from articles *about* cookies or newsletters by addressing the reader ("Ihre Zustimmung", "your
inbox") and by being short: such a paragraph is never the article.
"""

from __future__ import annotations

import re

CONSENT_TERMS = re.compile(
    r"\b(?:cookies?|einwillig\w*|zustimm\w*|datenschutz\w*|tracking|drittanbiet\w*|"
    r"personenbezogen\w*|(?:privatsphäre|datenschutz|cookie)-?einstellung\w*|akzeptier\w*|widerruf\w*|"
    r"consent|privacy|third[- ]party|opt[- ]out|externe[rn]? inhalte?|eingebettete[rn]? inhalte?)\b",
    re.I,
)
NEWSLETTER = re.compile(r"\bnewsletter\w*\b", re.I)
SIGN_UP = re.compile(
    r"\b(?:abonnier\w*|anmeld\w*|melden sie sich|registrier\w*|e-mail-adresse|posteingang|"
    r"subscribe|sign up|inbox|jetzt kostenlos)\b",
    re.I,
)
READER_ADDRESSED = re.compile(r"\b(?:Sie|Ihnen|Ihre?[mnrs]?|du|dich|dir|dein\w*|euch|you|your)\b")
SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[„\"»«]\s*)$")
CREDIT = re.compile(r"^(?:foto|fotos|bild|bilder|photo|image|quelle|credit|©)\s*[:©]?\s*\S", re.I)
SHARE_WORDS = frozenset(
    "teilen share artikel facebook twitter x whatsapp telegram e-mail email mail linkedin xing pinterest "
    "reddit flipboard messenger threads bluesky drucken print link kopieren copy kommentieren merken".split()
)
MAX_CHROME_WORDS = 150
MAX_CREDIT_WORDS = 12


def is_page_chrome(text: str) -> bool:
    """Consent notice, newsletter box, image credit or share bar: never a paragraph of the article."""
    words = text.split()
    if not words:
        return False
    if len(words) <= MAX_CREDIT_WORDS and CREDIT.match(text) and not text.rstrip().endswith((".", "!", "?")):
        return True
    tokens = [t.lower() for t in re.split(r"[\s|·,/]+", text) if t]
    if len(words) <= MAX_CREDIT_WORDS and all(t in SHARE_WORDS for t in tokens):
        return True
    return is_consent_or_newsletter(text)


def is_consent_or_newsletter(text: str) -> bool:
    """A cookie or consent notice, or a newsletter sign-up, addressed to the reader."""
    if len(text.split()) > MAX_CHROME_WORDS or not _addresses_reader(text):
        return False
    consent = {m.lower()[:6] for m in CONSENT_TERMS.findall(text)}
    if len(consent) >= 2:
        return True
    return bool(NEWSLETTER.search(text) and SIGN_UP.search(text))


def _addresses_reader(text: str) -> bool:
    """A second-person word; a capitalised "Sie"/"Ihre" opening a sentence may be "she"/"her"."""
    for match in READER_ADDRESSED.finditer(text):
        formal = match.group(0)[0].isupper() and match.group(0) not in ("Ihnen",)
        if not formal or not SENTENCE_START.search(text[: match.start()]):
            return True
    return False
