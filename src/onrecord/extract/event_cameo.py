"""Convert the PETRARCH2 CAMEO verb dictionary into onrecord's event pattern files (a maintenance tool).

Reads ``CAMEO.2.0.txt`` (openeventdata/petrarch2@676801c, MIT, Open Event Data Alliance) and
``CAMEO2PLOVER-2021.txt`` (openeventdata/PLOVER, CC BY-SA 4.0) and writes
``data/event_verbs.tsv`` and ``data/event_synsets.tsv`` in the format described in
``data/README.md``. Run it only when the source dictionaries change::

    python -m onrecord.extract.event_cameo ../shared/data/petrarch/CAMEO.2.0.txt \
        ../shared/data/plover/CAMEO2PLOVER-2021.txt src/onrecord/extract/data

The stage itself never reads the CAMEO files: it reads the converted TSV files.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

# Decisions that differ from the row-level CAMEO2PLOVER table, with their reason.
_CODE_OVERRIDES: dict[str, tuple[str, str]] = {
    # PLOVER manual, SANCTION: "International (political or economic) sanctions are coded as
    # 'discontinue'"; the gold standard records code imposed sanctions as SANCTION.
    "163": ("SANCTION", "discontinue"),
    # The PLOVER gold standard records (PLOVER_GSR_CAMEO_readme) code destruction of property and
    # kidnapping or holding people as COERCE, and easing a curfew or state of emergency as CONCEDE;
    # the 2021 table moved them to ASSAULT and RETREAT. onrecord follows the coded examples.
    "1712": ("COERCE", "destroy"),
    "181": ("COERCE", "detain"),
    "184": ("COERCE", "detain"),
    "0813": ("CONCEDE", ""),
    "0814": ("CONCEDE", ""),
    # PLOVER manual, SANCTION 'withdraw': "official resignations ... are coded as a mode under RETREAT"
    "083": ("RETREAT", "resign"),
}
# CAMEO 01 (public statements) is dropped by PLOVER; CAMEO 02 (appeals) is folded into REQUEST,
# which the PLOVER manual defines as "all requests, demands, and orders".
_APPEAL_MODES = {
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
}


@dataclass(frozen=True)
class PloverCode:
    category: str
    mode: str


def read_cameo2plover(text: str) -> dict[str, PloverCode]:
    """CAMEO code -> PLOVER category and mode, from the CAMEO2PLOVER table."""
    table: dict[str, PloverCode] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        if not parts or not parts[0]:
            continue
        mode = parts[1].replace(" ", "") if len(parts) > 1 else ""
        table.setdefault(m.group(1), PloverCode(parts[0], mode))
    for code, (cat, mode) in _CODE_OVERRIDES.items():
        table[code] = PloverCode(cat, mode)
    return table


def plover_of(code: str, table: dict[str, PloverCode]) -> PloverCode | None:
    """The PLOVER category of a CAMEO code (longest known prefix), None for dropped codes."""
    if not code or code == "---":
        return None
    if code.startswith("01") or code.startswith("00"):
        return None
    if code.startswith("02"):
        return PloverCode("REQUEST", _APPEAL_MODES.get(code[:3], ""))
    for n in (len(code), 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _code(raw: str) -> str:
    """``[040:043]`` -> ``040``; ``[:173]`` -> ``173``; ``[---]`` -> ``---``."""
    inner = raw.strip("[] ")
    for part in inner.split(":"):
        if part.strip():
            return part.strip()
    return "---"


def _words(phrase: str) -> str:
    return phrase.replace("_", " ").strip().lower()


def _verb_phrase(entry: str) -> str | None:
    """``+BLOW_UP`` -> ``blow up``; ``SAY`` -> ``say``; pre-compounded verbs are skipped."""
    entry = entry.strip()
    if "_+" in entry or " +" in entry:
        return None
    entry = entry.lstrip("+")
    if not re.match(r"^[A-Z][A-Z_\-']*$", entry):
        return None
    return _words(entry)


def _pattern(body: str) -> str | None:
    """The pattern text in onrecord's format (lowercase, ``*`` for the verb), None if unusable."""
    body = body.replace("$", " ").replace("+", " ").replace("^", " ").replace("%", " ")
    body = re.sub(r"\s+", " ", body).strip()
    if "*" not in body:
        return None
    body = re.sub(r"[A-Z][A-Z0-9_\-'.]*", lambda m: m.group(0).lower(), body)
    return body


def convert(cameo_text: str, table: dict[str, PloverCode]) -> tuple[list[str], list[str]]:
    """The rows of event_verbs.tsv and event_synsets.tsv."""
    verbs: list[str] = []
    synsets: list[str] = []
    section = "head"
    group = ""
    group_code = "---"
    synset = ""
    for raw in cameo_text.splitlines():
        if raw.startswith("####### SYNONYM"):
            section = "synsets"
            continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or section == "head":
            continue
        if section == "synsets":
            if line.startswith("&"):
                synset = line.strip().lower()
            elif line.startswith("+") and synset:
                synsets.append(f"{synset}\t{_words(line[1:])}")
            continue
        m = re.match(r"^---\s+(\S+)\s+(\[[^\]]*\])\s+---", line)
        if m:
            group = m.group(1).lower()
            group_code = _code(m.group(2))
            verbs.append(_row(group, "group", group, group_code, table))
            continue
        if line.startswith("-"):
            cm = re.search(r"\[([^\]]*)\]", line)
            if not cm:
                continue
            pat = _pattern(line[1 : cm.start()])
            if pat:
                verbs.append(_row(group, "pattern", pat, _code(cm.group(0)), table))
            continue
        if line.startswith("~"):
            continue
        # a verb line: VERB {forms} [code]
        cm = re.search(r"\[([^\]]*)\]", line)
        code = _code(cm.group(0)) if cm else ""
        head = re.sub(r"\{[^}]*\}", " ", line[: cm.start()] if cm else line).split()
        if not head:
            continue
        phrase = _verb_phrase(head[0])
        if phrase:
            verbs.append(_row(group, "verb", phrase, code or "", table))
    del group_code
    return verbs, synsets


def _row(group: str, kind: str, text: str, code: str, table: dict[str, PloverCode]) -> str:
    if code == "":
        return f"{group}\t{kind}\t{text}\t\t\t"
    plover = plover_of(code, table)
    if plover is None:
        return f"{group}\t{kind}\t{text}\t-\t\t{code}"
    return f"{group}\t{kind}\t{text}\t{plover.category}\t{plover.mode}\t{code}"


_VERBS_HEADER = """\
# onrecord event verb patterns, converted from the PETRARCH2 CAMEO verb dictionary
# (CAMEO.2.0.txt, openeventdata/petrarch2@676801c, MIT licence, Copyright (c) 2015 Open Event
# Data Alliance) with codes mapped by CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0).
# Generated by onrecord.extract.event_cameo; see README.md for the format. Do not edit by hand:
# add patterns to event_verbs_extra.tsv instead.
# group\tkind\ttext\tcategory\tmode\tcameo
"""
_SYNSETS_HEADER = """\
# Synonym sets for event patterns, from CAMEO.2.0.txt (petrarch2@676801c, MIT, Open Event Data Alliance).
# synset\tphrase
"""


def main(argv: list[str]) -> int:
    cameo, c2p, outdir = (Path(a) for a in argv)
    table = read_cameo2plover(c2p.read_text(encoding="utf-8"))
    verbs, synsets = convert(cameo.read_text(encoding="latin-1"), table)
    (outdir / "event_verbs.tsv").write_text(_VERBS_HEADER + "\n".join(verbs) + "\n", encoding="utf-8")
    (outdir / "event_synsets.tsv").write_text(_SYNSETS_HEADER + "\n".join(synsets) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
