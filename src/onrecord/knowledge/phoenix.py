"""Convert the PETRARCH2 Phoenix agents dictionary into onrecord's lexicon of person nouns.

The agents file (openeventdata/petrarch2, MIT licence) lists role words with CAMEO agent codes:
``MINISTER [~GOV]``, ``TYCOON [~BUS]``. It mixes nouns for people with nouns for bodies
(``COMPANY``, ``MINISTRY``); :func:`person_nouns` keeps the ones whose head word names a person.
It also lists the people of ``Phoenix.Countries.actors.txt`` with the country of their coded roles.
Run once by hand to refresh ``data/phoenix_person_nouns.txt`` and ``data/phoenix_people.tsv``::

    python -m onrecord.knowledge.phoenix ../shared/data/petrarch
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path

LOGGER = logging.getLogger(__name__)

# head words that name a body, a thing or a place, never a person
_NOT_PERSON_HEADS = frozenset(
    [
        "order",
        "environment",
        "enforcement",
        "regiment",
        "labor",
        "labour",
        "settlement",
        "sector",
        "supertanker",
        "steelmaker",
        "jetliner",
        "jetfighter",
        "humvee",
        "freighter",
        "interior",
        "detachment",
        "carmaker",
        "automaker",
        "poor",
        "minist",
        "oiler",
        "agrobusiness",
        "agency",
        "airline",
        "airway",
        "association",
        "authority",
        "bank",
        "branch",
        "business",
        "cabinet",
        "camp",
        "center",
        "centre",
        "chamber",
        "church",
        "club",
        "commission",
        "committee",
        "company",
        "conglomerate",
        "congress",
        "corporation",
        "council",
        "court",
        "department",
        "directorate",
        "enterprise",
        "exchange",
        "faction",
        "firm",
        "force",
        "forces",
        "front",
        "government",
        "group",
        "headquarters",
        "industry",
        "institute",
        "institution",
        "jet",
        "junta",
        "league",
        "legislature",
        "maker",
        "manufacturer",
        "media",
        "ministry",
        "monastary",
        "monastery",
        "movement",
        "network",
        "newspaper",
        "office",
        "organization",
        "organisation",
        "parliament",
        "party",
        "police",
        "press",
        "regime",
        "school",
        "service",
        "ship",
        "station",
        "tanker",
        "team",
        "union",
        "unit",
        "university",
        "vessel",
        "army",
        "navy",
        "corps",
        "military",
        "militia",
        "administration",
        "bureau",
        "tribunal",
        "senate",
        "assembly",
        "mission",
        "embassy",
        "consulate",
        "carrier",
        "helicopter",
        "airliner",
        "aircraft",
        "plane",
        "missile",
        "drone",
        "truck",
        "vehicle",
        "tank",
        "boat",
        "submarine",
        "warship",
        "frigate",
        "destroyer",
        "cruiser",
        "for",
    ]
)
# person-like endings; words with other endings are kept only when listed in _PERSON_HEADS
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ess", "crat", "arch")
_PERSON_HEADS = frozenset(
    [
        "chief",
        "head",
        "boss",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sheikh",
        "sultan",
        "shah",
        "monarch",
        "pope",
        "cleric",
        "imam",
        "mullah",
        "ayatollah",
        "rabbi",
        "priest",
        "monk",
        "nun",
        "bishop",
        "cardinal",
        "general",
        "colonel",
        "captain",
        "major",
        "lieutenant",
        "sergeant",
        "admiral",
        "marshal",
        "commander",
        "officer",
        "official",
        "envoy",
        "delegate",
        "diplomat",
        "consul",
        "ambassador",
        "attache",
        "aide",
        "deputy",
        "secretary",
        "minister",
        "premier",
        "chancellor",
        "president",
        "governor",
        "mayor",
        "senator",
        "judge",
        "magistrate",
        "prosecutor",
        "attorney",
        "lawyer",
        "advocate",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chairman",
        "chairwoman",
        "chair",
        "citizen",
        "civilian",
        "resident",
        "refugee",
        "migrant",
        "immigrant",
        "emigrant",
        "victim",
        "hostage",
        "captive",
        "prisoner",
        "detainee",
        "suspect",
        "convict",
        "fugitive",
        "thief",
        "rebel",
        "insurgent",
        "militant",
        "guerrilla",
        "guerilla",
        "terrorist",
        "extremist",
        "jihadist",
        "radical",
        "separatist",
        "nationalist",
        "loyalist",
        "dissident",
        "activist",
        "protester",
        "protestor",
        "demonstrator",
        "striker",
        "student",
        "pupil",
        "teacher",
        "professor",
        "scholar",
        "academic",
        "scientist",
        "doctor",
        "physician",
        "surgeon",
        "nurse",
        "medic",
        "journalist",
        "reporter",
        "correspondent",
        "editor",
        "columnist",
        "commentator",
        "analyst",
        "expert",
        "economist",
        "historian",
        "police",
        "policeman",
        "policewoman",
        "constable",
        "inspector",
        "detective",
        "agent",
        "spy",
        "soldier",
        "trooper",
        "marine",
        "sailor",
        "pilot",
        "veteran",
        "recruit",
        "conscript",
        "mercenary",
        "sniper",
        "fighter",
        "warrior",
        "volunteer",
        "peasant",
        "farmer",
        "worker",
        "laborer",
        "labourer",
        "employee",
        "unionist",
        "candidate",
        "nominee",
        "incumbent",
        "successor",
        "predecessor",
        "founder",
        "leader",
        "academic",
        "cleric",
        "medic",
    ]
)


def _expand(entry: str, substitutions: dict[str, list[str]]) -> list[str]:
    """The phrases an agents-file entry stands for, with ``!SET!`` substitutions applied."""
    match = re.search(r"!([A-Z]+)!", entry)
    if not match:
        return [entry]
    out: list[str] = []
    for word in substitutions.get(match.group(1), []):
        out.extend(_expand(entry[: match.start()] + word + entry[match.end() :], substitutions))
    return out


def _is_person(phrase: str) -> bool:
    head = phrase.split()[-1]
    if head in _NOT_PERSON_HEADS or len(head) < 3:
        return False
    return head in _PERSON_HEADS or head.endswith(_PERSON_SUFFIXES)


def person_nouns(lines: Iterable[str]) -> list[str]:
    """Lower-case singular person nouns (one or more words) found in the agents file's lines."""
    substitutions: dict[str, list[str]] = {}
    found: set[str] = set()
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        sub = re.match(r"!([A-Z]+)!\s*=\s*(.+)", line)
        if sub:
            substitutions[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        entry = re.split(r"[\[{]", line, maxsplit=1)[0].strip()
        if not entry or not re.fullmatch(r"[A-Z!_\-.']+", entry):
            continue
        for phrase in _expand(entry, substitutions):
            words = phrase.replace("_", " ").lower().split()
            if words and words[-1] not in ("men", "women") and _is_person(" ".join(words)):
                found.add(" ".join(words))
    return sorted(found)


def main(argv: list[str]) -> int:
    """Write data/phoenix_person_nouns.txt and data/phoenix_people.tsv from the petrarch folder."""
    import pycountry

    folder = Path(argv[0])
    data = Path(__file__).with_name("data")
    attribution = (
        "# Converted from PETRARCH2 {} (openeventdata/petrarch2 at 676801c, MIT licence,\n"
        "# Copyright (c) 2014 Open Event Data Alliance) by onrecord.knowledge.phoenix.\n"
    )
    agents = (folder / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    nouns = person_nouns(agents)
    (data / "phoenix_person_nouns.txt").write_text(
        attribution.format("Phoenix.agents.txt") + "\n".join(nouns) + "\n", encoding="utf-8"
    )
    actors = (folder / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    found = people(actors, {c.alpha_3 for c in pycountry.countries})
    rows = ["\t".join([name, "|".join(aliases), country]) for name, aliases, country in found]
    header = attribution.format("Phoenix.Countries.actors.txt") + "# name\taliases\tcountry\n"
    (data / "phoenix_people.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    LOGGER.info("wrote %d person nouns and %d people", len(nouns), len(rows))
    return 0


_WORD_RE = re.compile(r"^[A-Z][A-Z'.\-]*$")
_ROLE_RE = re.compile(r"\[~?([A-Z]{3})[A-Z]*(?:\s+([^\]]*))?\]")


def _title(word: str) -> str:
    """Title case for a name word: "MCCAIN" -> "McCain", "O'NEILL" -> "O'Neill", "KI-MOON" -> "Ki-Moon"."""
    out = "-".join("'".join(p.capitalize() for p in part.split("'")) for part in word.lower().split("-"))
    if out.startswith("Mc") and len(out) > 2:
        out = "Mc" + out[2].upper() + out[3:]
    return out


def _name(raw: str) -> str | None:
    """A display name from a dictionary phrase ("VLADIMIR_PUTIN_" -> "Vladimir Putin"), None if not a name."""
    words = [w for w in raw.strip().rstrip("_").split("_") if w]
    if not 2 <= len(words) <= 4 or not all(_WORD_RE.match(w) for w in words):
        return None
    if any(w.lower() in _PERSON_HEADS or w.lower() in _NOT_PERSON_HEADS for w in words):
        return None  # a title or a body ("PRESIDENT_PUTIN", "RUSSIAN_ARMY")
    return " ".join(_title(w) for w in words)


def people(lines: Iterable[str], countries: set[str]) -> list[tuple[str, list[str], str]]:
    """People in a Phoenix actors dictionary: (name, other full names, country of their coded roles).

    A block is a head line, ``+`` alias lines and tab-indented ``[CODE dates]`` role lines; it is a
    person when a role carries dates or the head comes from CountryInfo.txt, and every role's first
    three letters are one country.
    """
    out: list[tuple[str, list[str], str]] = []
    head: str | None = None
    aliases: list[str] = []
    codes: list[str] = []
    dated = False

    def flush() -> None:
        if head is None:
            return
        name = _name(head)
        if name is None or not dated or len(set(codes)) != 1 or codes[0] not in countries:
            return
        names = [n for n in (_name(a) for a in aliases) if n is not None and n != name]
        out.append((name, list(dict.fromkeys(names)), codes[0]))

    for raw in lines:
        if not raw.strip() or raw.startswith("#"):
            continue
        text, _, comment = raw.partition("#")
        if raw.startswith(("\t", " ")):
            for code, dates in _ROLE_RE.findall(text):
                codes.append(code)
                dated = dated or bool(dates and dates.strip())
            continue
        if raw.startswith("+"):
            aliases.append(text[1:].strip())
            continue
        flush()
        head, aliases, codes = text.strip(), [], []
        dated = "CountryInfo" in comment
        if "[" in head:  # a one-line entry with its code: a country or a body, not a person
            head = None
    flush()
    return out


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main(sys.argv[1:]))
