"""Well-known organizations of German and international news: one entry per organization, its
forms (abbreviations, long forms, declined forms) beside it.

Why a list: the NER model misses or mistypes exactly the names a newsroom uses every day ("die AfD
bei 30 Prozent", "der Verfassungsschutz", "Pfizer" as a person), and abbreviations and long forms
("UN" / "UNO" / "Vereinte Nationen") must be one entity. The list holds parties, state
institutions, international bodies, media, platforms and large companies: kinds of names, not the
names of any evaluation article. Curators add more in ``entities.yml`` (``aliases``, ``types``).

Pure data and pure functions: ``scan_organizations`` finds the forms in a text (case-sensitive,
whole words, not the first part of a compound such as "AfD-Mann"), ``organization_group`` tells
which forms name the same organization.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each line: forms of one organization separated by " | "; the first is the usual tag name.
_TABLE = """
AfD | Alternative für Deutschland
CDU | Christlich Demokratische Union
CSU | Christlich-Soziale Union
SPD | Sozialdemokratische Partei Deutschlands
FDP | Freie Demokratische Partei
Grüne | Grünen | Bündnis 90/Die Grünen
Linke | Die Linke | Linken | Linkspartei
BSW | Bündnis Sahra Wagenknecht
Freie Wähler
NPD
ÖVP | Österreichische Volkspartei
FPÖ | Freiheitliche Partei Österreichs
SVP | Schweizerische Volkspartei
Bundesregierung
Bundestag
Bundesrat
Bundesverfassungsgericht
Bundesgerichtshof
Bundesverwaltungsgericht
Bundesbank | Deutsche Bundesbank
Bundeswehr
Bundespolizei
Bundeskriminalamt | BKA
Bundesnachrichtendienst | BND
Verfassungsschutz | Bundesamt für Verfassungsschutz
Bundesagentur für Arbeit
Bundesamt für Migration und Flüchtlinge | BAMF
Bundeskartellamt
Bundesnetzagentur
Robert Koch-Institut | Robert-Koch-Institut | RKI
Auswärtiges Amt
Bundeskanzleramt | Kanzleramt
Statistisches Bundesamt | Destatis
Deutsche Bahn | DB
Deutsche Post | DHL
Deutsche Telekom | Telekom
Deutsche Bank
Commerzbank
Sparkasse | Sparkassen
Volkswagen | VW
Mercedes-Benz
BMW
Siemens
Bayer
BASF
SAP
Allianz
Lufthansa
Thyssenkrupp
Rheinmetall
Vodafone
Aldi
Lidl
Rewe
Edeka
Lego
Pfizer
BioNTech | Biontech
Moderna
AstraZeneca
Apple
Google
Alphabet
Microsoft
Amazon
Meta
Facebook
Instagram
WhatsApp
YouTube | Youtube
TikTok | Tiktok
Telegram
Netflix
OpenAI
Tesla
SpaceX
Samsung
Huawei
PayPal | Paypal
Visa
Mastercard
Gazprom
Rosneft
Boeing
Airbus
UEFA
FIFA
DFB | Deutscher Fußball-Bund
Bundesliga
2. Bundesliga
Premier League
Champions League
Europa League
NBA
NFL
IOC | Internationales Olympisches Komitee
ARD
ZDF
NDR
WDR
BR | Bayerischer Rundfunk
MDR
SWR
RBB | rbb
HR | Hessischer Rundfunk
Deutschlandfunk
Deutsche Welle | DW
RTL
Sat.1
ProSieben
n-tv | ntv
dpa | Deutsche Presse-Agentur
AFP | Agence France-Presse
Reuters
AP | Associated Press
Spiegel | Der Spiegel
Zeit | Die Zeit
Süddeutsche Zeitung | SZ
Frankfurter Allgemeine Zeitung | FAZ
Bild
Welt | Die Welt
Tagesspiegel
Handelsblatt
taz
Stern
Focus
BBC
CNN
Fox News
New York Times
Washington Post
Wall Street Journal
Bloomberg
Financial Times
Guardian
Al Jazeera
Forbes
Vereinte Nationen | UN | UNO | Vereinten Nationen
UN-Sicherheitsrat | Sicherheitsrat | UN-Sicherheitsrats | Sicherheitsrats
NATO | Nato
Europäische Kommission | EU-Kommission
Europäisches Parlament | EU-Parlament
Europäische Zentralbank | EZB
Europäischer Gerichtshof | EuGH
Internationaler Währungsfonds | IWF | Internationale Währungsfonds | Internationalen Währungsfonds
Weltbank
Welthandelsorganisation | WTO
Weltgesundheitsorganisation | WHO
OPEC | Opec
OSZE
G7
G20
Internationaler Strafgerichtshof | IStGH
Internationale Atomenergiebehörde | IAEA | IAEO
Rotes Kreuz | Internationales Komitee vom Roten Kreuz | IKRK
Amnesty International
Greenpeace
Hamas
Hisbollah
Taliban
Wagner-Gruppe | Gruppe Wagner
Revolutionsgarden
Pentagon
FBI
CIA
NSA
Federal Reserve | Fed | US-Notenbank
US-Kongress | Kongress
US-Senat | Senat
Repräsentantenhaus
Supreme Court
Republikaner
Demokraten
Kreml
Duma
Bundesanwaltschaft
Landtag
Europol
Interpol
Frontex
Gewerkschaft Verdi | Verdi | ver.di
IG Metall
DGB | Deutscher Gewerkschaftsbund
ADAC
ADFC
Stiftung Warentest
"""

# Regions and waters the news names every day that the place gazetteer (towns, countries) lacks.
_REGIONS = """
Donbass | Donbas
Krim
Gazastreifen
Westjordanland
Nahost | Naher Osten | Nahen Osten
Mittlerer Osten | Mittleren Osten
Balkan | Westbalkan
Kaukasus
Baltikum
Sahel | Sahelzone
Karibik
Sibirien
Skandinavien
Fernost
Ostsee
Nordsee
Mittelmeer
Schwarzes Meer | Schwarzen Meer | Schwarzen Meeres
Rotes Meer | Roten Meer | Roten Meeres
Persischer Golf | Persischen Golf
Alpen
Ruhrgebiet
Ostukraine
Westafrika
Ostafrika
Nordafrika
Südostasien
Lateinamerika
Südamerika
Nordamerika
Mittelamerika
Zentralasien
Arktis
Antarktis
Pazifik
Atlantik
Indopazifik
"""


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Every form → all forms of its organization or region, the usual tag name first."""
    groups: dict[str, tuple[str, ...]] = {}
    for table in (_TABLE, _REGIONS):
        for line in table.strip().splitlines():
            forms = tuple(form.strip() for form in line.split("|") if form.strip())
            for form in forms:
                groups.setdefault(form, forms)
    return groups


@lru_cache(maxsize=1)
def _region_forms() -> frozenset[str]:
    return frozenset(form.strip() for line in _REGIONS.strip().splitlines() for form in line.split("|"))


def known_label(form: str) -> str:
    """"LOC" for a listed region, "ORG" for a listed organization."""
    return "LOC" if form in _region_forms() else "ORG"


def organization_group(name: str) -> tuple[str, ...] | None:
    """All forms of the organization ``name`` is a form of ("UNO" → ("Vereinte Nationen", "UN", …))."""
    return _groups().get(name)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    forms = sorted(_groups(), key=len, reverse=True)  # the longest form wins at one place
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(form) for form in forms) + r")(?![\w]|-\w)")


def scan_organizations(text: str) -> list[tuple[str, int]]:
    """Each listed form found in ``text`` with its offset, case-sensitive, as a whole word.

    Forms that are also ordinary words ("Welt", "Stern", "Zeit", "Meta", "Grünen", "Senat") are taken
    only where they are names: in quotes ("der „Spiegel“"), or right after an article or a
    preposition with one ("die Grünen", "im Kreml", "der Senat"), never at a sentence's start.
    """
    found = [(match.group(1), match.start()) for match in _PARTY_IN_COMPOUND.finditer(text)]  # "AfD-Mann Otten"
    for match in _pattern().finditer(text):
        form, start = match.group(), match.start()
        if form in _QUOTED_ONLY and not _quoted(text, start, match.end()):
            continue
        if form in _AFTER_ARTICLE and not (_quoted(text, start, match.end()) or _ARTICLE_BEFORE.search(text, 0, start)):
            continue
        if form in _AFTER_DEFINITE and not _DEFINITE_BEFORE.search(text, 0, start):
            continue  # "die Grünen", never "im Grünen"
        found.append((form, start))
    return found


# A party named in a compound ("AfD-Mann", "CDU-Fraktion", "Grünen-Politikerin") is named all the same.
_PARTY_IN_COMPOUND = re.compile(r"(?<![\w-])(AfD|CDU|CSU|SPD|FDP|BSW|NPD|ÖVP|FPÖ|SVP|Grünen|Linken)-(?=[A-ZÄÖÜ])")
_QUOTED_ONLY = frozenset({
    "Welt", "Die Welt", "Stern", "Focus", "Zeit", "Die Zeit", "Bild", "Spiegel", "Meta", "Visa", "Apple",
    "Amazon", "Guardian", "Telegram", "AP", "BR", "HR", "DB", "SZ", "DW", "taz", "Stiftung Warentest",
})
_AFTER_ARTICLE = frozenset({
    "Kongress", "Senat", "Landtag", "Kreml", "Fed", "Demokraten", "Republikaner", "Sicherheitsrat", "Sicherheitsrats",
    "Verdi", "Sparkasse", "Sparkassen",
})
_AFTER_DEFINITE = frozenset({"Linke", "Grüne", "Grünen"})
_DEFINITE_BEFORE = re.compile(r"(?<![\w])(?:der|die|den|des)\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:der|die|das|den|dem|des|im|vom|beim|zum|zur|am|ins)\s+$", re.IGNORECASE)


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in "„“\"»«‚'" and text[end: end + 1] in "“”\"«»‘'"
