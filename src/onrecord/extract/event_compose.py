"""Find the events of one parsed sentence: verb and noun triggers, then frames, modality and negation.

Steps, for each sentence:
1. every verb gets its lexicon code (``event_match.match_verb``); a light verb whose object is an
   event noun takes the noun's code unless a specific verb pattern matched ("held a videoconference");
2. frames pass the event of their complement up to themselves: report verbs ("said it will ...")
   and aspectual verbs ("attempted to ...") keep it; intent verbs and future auxiliaries turn
   cooperation into AGREE and material conflict into THREATEN; "must" in a reported clause is a
   REQUEST to that clause's subject; a condition ("unless", "if") on a future conflict is THREATEN;
3. negation: a negated future or intended cooperation is REJECT ("will not accept"); any other
   negated event keeps its category with ``negated`` set ("did not speak");
4. event nouns not consumed by a light verb are events of their own ("the ban on X");
5. a verb whose conjunct is a bare noun (gapping: "threatened A with X, and B with Y") yields one
   event per recipient.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from onrecord.extract.actor_lexicon import actor_lexicon
from onrecord.extract.event_lexicon import Code, Lexicon
from onrecord.extract.event_match import match_noun, match_verb, subject_of
from onrecord.knowledge.ids import fold

COOPERATIVE = {"SUPPORT", "COOPERATE", "AID", "CONSULT", "CONCEDE", "RETREAT", "AGREE"}
MATERIAL_CONFLICT = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}
VERBAL = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"}
INDEFINITE = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "one"}
COMPLEMENT_DEPS = {"xcomp", "ccomp"}
OBJECT_DEPS = {"dobj", "attr", "oprd"}
# prepositions whose object is the recipient, in order of preference
TARGET_PREPS = ("with", "against", "to", "on", "into", "toward", "towards", "at", "from", "for", "in", "upon", "of")
NOUN_TARGET_PREPS = ("of", "on", "against", "with", "into", "to", "upon", "in", "toward", "towards")


@dataclass
class Found:
    """An event found in a sentence, before actors and dates are resolved."""

    code: Code
    trigger: Token  # the word that names the event (verb or noun)
    head: Token  # the word the event is attached to in the tree (a frame verb when composed)
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    negated: bool = False
    nominal: bool = False
    modality: str = "fact"  # fact | future | intent | obligation | condition
    medium: str | None = None

    @property
    def depth(self) -> int:
        n, tok = 0, self.head
        while tok.head.i != tok.i:
            tok, n = tok.head, n + 1
        return n


def _has_child(tok: Token, lemmas: set[str], deps: set[str] | None = None) -> bool:
    return any(
        (c.lemma_.lower() in lemmas or c.lower_ in lemmas) and (deps is None or c.dep_ in deps) for c in tok.children
    )


def is_negated(tok: Token, lex: Lexicon) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in lex.frames.get("negation", set()) and c.dep_ == "advmod") for c in tok.children
    )


def modality_of(verb: Token, lex: Lexicon) -> str:
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}} | {
        c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}
    }
    if aux & lex.frames.get("obligation", set()) - {"have", "need"}:
        return "obligation"
    if aux & lex.frames.get("future", set()):
        return "future"
    # "is going to", "is to"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.lemma_ in {"go", "be"}:
        return "future"
    return "fact"


def futurize(category: str) -> str:
    """The category of an announced or intended action (PLOVER: AGREE, THREATEN)."""
    if category in COOPERATIVE:
        return "AGREE"
    if category in MATERIAL_CONFLICT:
        return "THREATEN"
    return category


def _subjects(tok: Token) -> list[Token]:
    subj = subject_of(tok)
    if subj is None:
        return []
    if subj.dep_ in {"nsubjpass", "csubjpass"}:
        return []
    return [subj, *[c for c in subj.conjuncts]]


def _agent(tok: Token) -> list[Token]:
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return [p, *p.conjuncts]
    return []


def _pobj(prep: Token) -> Token | None:
    for c in prep.children:
        if c.dep_ == "pobj":
            return c
    return None


ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
TEMPORAL_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


def actorish(tok: Token) -> bool:
    """The phrase names an entity that can act: a named place, group, organization or person, or a pronoun."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in {"it", "this", "that", "which", "what"} or tok.dep_ in {"nsubj", "dobj"}
    words = [tok, *[t for t in tok.children if t.dep_ in {"compound", "amod", "poss", "nmod"}]]
    of = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"]
    words += [o for p in of for o in p.children if o.dep_ == "pobj"]
    return any(t.ent_type_ in ACTOR_ENTS for t in words)


INNER_PREPS = ("of", "on", "by", "from", "against", "with", "into", "to", "in")


def _inner_actor(tok: Token) -> Token | None:
    """An actor named inside a phrase: "calls by Belarus's rulers", "the removal of President X"."""
    for p in INNER_PREPS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == p:
                obj = _pobj(c)
                if obj is not None and (actorish(obj) or people_noun(obj)):
                    return obj
    return None


def people_noun(tok: Token) -> bool:
    """A common noun for people or a body of them ("journalist", "refugees", "police")."""
    if tok.pos_ != "NOUN":
        return False
    lex = actor_lexicon()
    lemma = fold(tok.lemma_)
    return lex.is_person_noun(lemma) or lemma in lex.group_nouns or lemma in lex.institution_nouns


def _pick(candidates: list[Token]) -> list[Token]:
    for c in candidates:
        # the patient of a passive ("a journalist was detained in X") before a place phrase
        if actorish(c) or (c.dep_ == "nsubjpass" and people_noun(c)):
            return [c, *c.conjuncts]
    for c in candidates:
        inner = _inner_actor(c)
        if inner is not None:
            return [inner, *inner.conjuncts]
    for c in candidates:
        if c.ent_type_ not in TEMPORAL_ENTS and c.pos_ != "PRON":
            return [c, *c.conjuncts]
    return []


def _targets(tok: Token, nominal: bool = False) -> list[Token]:
    """Recipient: the first actor-like phrase among the direct object (or passive subject), a
    dative and the objects of prepositions, in that order; else the first non-temporal one."""
    candidates: list[Token] = []
    if not nominal:
        candidates += [c for c in tok.children if c.dep_ == "nsubjpass"]
        candidates += [
            c for c in tok.children if c.dep_ in {"dobj", "dative"} and c.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}
        ]
    preps = [c for c in tok.children if c.dep_ in {"prep", "dative"}]
    # "kidnapped up to 16 advisers": the parser hangs the preposition on the particle
    preps += [p for c in tok.children if c.dep_ == "prt" for p in c.children if p.dep_ == "prep"]
    for p in NOUN_TARGET_PREPS if nominal else TARGET_PREPS:
        for c in preps:
            if c.lower_ == p:
                obj = _pobj(c)
                if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                    candidates.append(obj)
    return _pick(candidates)


OWNER_PREPS = ("by", "from", "of")


def owner_of(noun: Token) -> Token | None:
    """Whose act an event noun names: "an Australian ultimatum", "the UN's appeal", "demands from X"."""
    for c in sorted(noun.children, key=lambda t: -t.i):
        if c.i > noun.i:
            continue
        if c.dep_ == "poss" and actorish(c):
            return c
        if c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}:
            return c
    for p in OWNER_PREPS:
        for c in noun.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ == p:
                obj = _pobj(c)
                if obj is not None and (actorish(obj) or people_noun(obj)):
                    return obj
    return None


def _noun_clause(verb: Token, lex: Lexicon) -> Token | None:
    """The clause of the verb's object when it names a demand: "reiterated its demand that X lift ..." -> "lift"."""
    for c in verb.children:
        entry = match_noun(c, lex) if c.dep_ in OBJECT_DEPS else None
        if entry is not None and entry.code.category == "REQUEST":
            for x in c.children:
                if (
                    x.dep_ in {"ccomp", "acl"}
                    and x.pos_ in {"VERB", "AUX"}
                    and any(m.dep_ == "mark" for m in x.children)
                ):
                    return x
    return None


def _placed(tokens: list[Token]) -> bool:
    """The phrase is the object of a place preposition ("in X", "at X")."""
    return bool(tokens) and tokens[0].dep_ == "pobj" and tokens[0].head.lower_ in {"in", "at", "outside"}


def has_actor(tokens: list[Token]) -> bool:
    return any(actorish(t) for t in tokens)


def _complement(verb: Token, lex: Lexicon) -> tuple[Token | None, bool]:
    """The clause this verb governs, and whether it is reached through a readiness adjective."""
    for c in verb.children:
        if c.dep_ in COMPLEMENT_DEPS and c.pos_ in {"VERB", "AUX"}:
            return c, False
    no_object = not any(c.dep_ in OBJECT_DEPS for c in verb.children)
    if verb.lemma_.lower() in lex.frames.get("future", set()) and no_object:
        # "have sworn to fight": the parser may hang the infinitive as an adverbial clause
        for c in verb.children:
            if c.dep_ == "advcl" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c, False
    for c in verb.children:
        if c.dep_ == "acomp" and c.lemma_.lower() in lex.frames.get("ready", set()):
            for x in c.children:
                if x.dep_ in COMPLEMENT_DEPS:
                    return x, True
    return None, False


class SentenceCoder:
    """Codes one sentence; a new instance per sentence keeps the memo local."""

    def __init__(self, sent: Span, lex: Lexicon) -> None:
        self.sent = sent
        self.lex = lex
        self.memo: dict[int, Found | None] = {}
        self.consumed_nouns: set[int] = set()
        self.consumed_verbs: set[int] = set()

    # -- step 1: the verb's own code
    def base(self, verb: Token) -> Found | None:
        match = match_verb(verb, self.lex)
        code = match.code if match else None
        event_noun: Token | None = None
        lemma = verb.lemma_.lower()
        if code is not None and lemma in self.lex.frames.get("report", set()) and code.category not in VERBAL:
            code = None  # "I think", "he said": a report verb is no event by itself
        trigger = verb
        medium = code.medium if code else None
        # a light verb's object noun ("held a videoconference", "imposed a curfew")
        specific = match is not None and match.pattern is not None
        for c in verb.children:
            if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in {"in", "into", "on"}):
                noun = c if c.dep_ in OBJECT_DEPS else _pobj(c)
                if noun is None:
                    continue
                entry = match_noun(noun, self.lex)
                if entry is None:
                    continue
                light = verb.lemma_.lower() in self.lex.frames.get("light", set())
                if (
                    code is None
                    or (light and not specific)
                    or (entry.code.medium and code.category == entry.code.category)
                ):
                    code, trigger = entry.code, noun
                    medium = entry.code.medium or medium
                    self.consumed_nouns.add(noun.i)
                    event_noun = noun
                elif code.category == entry.code.category:
                    self.consumed_nouns.add(noun.i)
                break
        if code is None and verb.lemma_.lower() in self.lex.frames.get("pass", set()):
            # "riots are continuing": an aspectual verb carries its subject's event
            subj = subject_of(verb)
            entry = match_noun(subj, self.lex) if subj is not None else None
            if subj is not None and entry is not None:
                code, trigger, medium = entry.code, subj, entry.code.medium
                self.consumed_nouns.add(subj.i)
                found = Found(code=code, trigger=trigger, head=verb, medium=medium, nominal=True)
                found.sources = [c for c in subj.children if c.dep_ in {"poss", "amod", "compound"} and actorish(c)][:1]
                found.targets = _targets(subj, nominal=True)
                return found
        if code is None:
            return None
        found = Found(code=code, trigger=trigger, head=verb, medium=medium)
        found.sources = _subjects(verb) or _agent(verb)
        if verb.lemma_ == "be":  # "it was a phone call": the pronoun is no party
            found.sources = [t for t in found.sources if t.lower_ not in {"it", "this", "that"}]
        found.targets = _targets(event_noun, nominal=True) if event_noun is not None else []
        if not found.targets:
            # the event noun itself ("held a meeting") is never the recipient; another event noun
            # stands for whoever made it ("rejected an Australian ultimatum": Australia)
            targets: list[Token] = []
            for t in _targets(verb):
                if event_noun is not None and t.i == event_noun.i:
                    continue
                if match_noun(t, self.lex):
                    owner = owner_of(t)
                    if owner is not None:
                        targets.append(owner)
                    continue
                targets.append(t)
            found.targets = targets
        if not found.sources and any(c.dep_ == "nsubjpass" for c in verb.children):
            found.sources = _agent(verb)
        found.modality = modality_of(verb, self.lex)
        found.negated = is_negated(verb, self.lex)
        return found

    # -- step 2 and 3: frames, modality, negation
    def code(self, verb: Token) -> Found | None:
        if verb.i in self.memo:
            return self.memo[verb.i]
        self.memo[verb.i] = None  # guards against cycles in odd parses
        result = self._code(verb)
        self.memo[verb.i] = result
        return result

    def _code(self, verb: Token) -> Found | None:
        lemma = verb.lemma_.lower()
        own = self.base(verb)
        comp, via_ready = _complement(verb, self.lex)
        inner = self.code(comp) if comp is not None else None
        frames = self.lex.frames
        claim = comp if comp is not None and comp.dep_ == "ccomp" else _noun_clause(verb, self.lex)
        if own is not None and claim is not None and own.code.category == "REQUEST":
            comp_subj = _subjects(claim)
            named = [t for t in comp_subj if t.pos_ != "PRON" and actorish(t)]
            if comp_subj and (named or not any(actorish(t) for t in own.targets)):
                own.targets = comp_subj  # "demanded that X forsake ...": the demand is made of X
        if comp is not None and lemma in frames.get("opinion", set()) and comp.dep_ == "ccomp":
            # "I think he is destroying X": a view, not an event
            self.consumed_verbs.add(comp.i)
            self._consume_below(comp)
            return None if own is None else self._finish(own, verb)
        if inner is not None and comp is not None:
            is_report = lemma in frames.get("report", set())
            is_pass = lemma in frames.get("pass", set())
            is_intent = via_ready or lemma in frames.get("future", set())
            # "reiterated its demand that X ease ...": the frame verb's own noun is the event
            noun_claim = (
                own is not None
                and own.code.category == "REQUEST"
                and comp.dep_ == "ccomp"
                and any(c.dep_ in OBJECT_DEPS and match_noun(c, self.lex) is not None for c in verb.children)
            )
            if own is None or (is_report and not noun_claim) or is_pass or is_intent:
                self.consumed_verbs.add(comp.i)
                return self._lift(
                    verb,
                    inner,
                    comp,
                    is_report=is_report,
                    is_intent=is_intent,
                    own_verbal=own is not None and own.code.category in VERBAL and not is_report,
                )
            if own.code.category in VERBAL or own.code.category in MATERIAL_CONFLICT:
                self.consumed_verbs.add(comp.i)
                if not own.targets:
                    own.targets = list(inner.targets)
                if own.code.mode is None and inner.code.mode:
                    own.code = replace(own.code, mode=inner.code.mode if own.code.category == "THREATEN" else None)
        if own is None:
            return None
        return self._finish(own, verb)

    def _lift(
        self, verb: Token, inner: Found, comp: Token, *, is_report: bool, is_intent: bool, own_verbal: bool
    ) -> Found:
        """The complement's event, seen from the frame verb."""
        out = replace(inner, head=verb)
        subj = _subjects(verb)
        comp_subj = subject_of(comp)
        # a personal pronoun may be the reporter ("X said it will ..."); "someone" never is
        pronoun = comp_subj is not None and comp_subj.pos_ == "PRON" and comp_subj.lower_ not in INDEFINITE
        if (not inner.sources or (pronoun and is_report and subj)) and (comp_subj is None or pronoun):
            out.sources = subj or inner.sources
        category = inner.code.category
        if is_report and inner.modality == "obligation" and comp_subj is not None and not pronoun:
            out.code = replace(inner.code, category="REQUEST", mode=None)
            out.sources = subj or inner.sources
            out.targets = [comp_subj, *comp_subj.conjuncts]
            return out
        if is_intent or inner.modality == "future":
            if inner.negated and category in COOPERATIVE:
                out.code = replace(inner.code, category="REJECT")
                out.negated = False
            else:
                out.code = replace(inner.code, category=futurize(category))
            if self._conditional(comp) and category in MATERIAL_CONFLICT | {"SANCTION", "RETREAT"}:
                out.code = replace(out.code, category="THREATEN")
        if is_negated(verb, self.lex):
            out.negated = not out.negated if not is_report else out.negated
        return out

    def _consume_below(self, verb: Token) -> None:
        """Every clause under this one is part of the view it states."""
        for t in verb.subtree:
            if t.pos_ in {"VERB", "AUX"}:
                self.consumed_verbs.add(t.i)
            elif t.pos_ in {"NOUN", "PROPN"}:
                self.consumed_nouns.add(t.i)

    def _conditional(self, verb: Token) -> bool:
        conds = self.lex.frames.get("condition", set())
        return any(c.dep_ == "advcl" and _has_child(c, conds, {"mark"}) for c in verb.children)

    def _finish(self, found: Found, verb: Token) -> Found:
        category = found.code.category
        if found.modality == "future" or self._conditional(verb):
            if found.negated and category in COOPERATIVE:
                found.code = replace(found.code, category="REJECT")
                found.negated = False
            elif found.modality == "future":
                new = futurize(category)
                if self._conditional(verb) and category in MATERIAL_CONFLICT | {"SANCTION", "RETREAT"}:
                    new = "THREATEN"
                found.code = replace(found.code, category=new)
        return found

    def fallback_targets(self, found: Found) -> list[Token]:
        """A recipient from the clauses around an event that names none in its own phrases.

        - the subject of the clause it governs: "allowed X to run", "demanded that X resign";
        - a threat's condition: "threatened to walk out if X goes ahead" (X is threatened);
        - the objects of its purpose clause: "staged protests to demand the resignation of X",
          "offered to hand over the suspects to X".
        """
        # only clauses below the event's own word: a frame verb above it ("X said ...") has the
        # event's own clause as its complement
        verbs = [found.trigger] if found.trigger.pos_ in {"VERB", "AUX"} else [found.head]
        sources = {t.i for t in found.sources}
        for verb in verbs:
            for c in verb.children:
                if c.dep_ in COMPLEMENT_DEPS:
                    subj = subject_of(c)
                    if subj is not None and subj.pos_ != "PRON" and actorish(subj) and subj.i not in sources:
                        return [subj, *subj.conjuncts]
        if found.code.category == "THREATEN":
            conds = self.lex.frames.get("condition", set())
            for verb in verbs:
                for c in verb.subtree:
                    if c.dep_ == "advcl" and _has_child(c, conds, {"mark"}):
                        subj = subject_of(c)
                        if subj is not None and subj.pos_ != "PRON" and actorish(subj):
                            return [subj, *subj.conjuncts]
        for verb in verbs:
            for c in verb.children:
                purpose = c.dep_ in {"xcomp", "advcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                gerund = c.dep_ == "advcl" and c.tag_ == "VBG" and not any(m.dep_ == "mark" for m in c.children)
                if purpose or gerund or (c.dep_ == "xcomp" and c.pos_ == "VERB"):
                    inner = _targets(c)
                    if has_actor(inner):
                        return inner
                    for t in inner:
                        owner = _inner_actor(t)
                        if owner is not None:
                            return [owner, *owner.conjuncts]
                    # "to demand the return of property seized by X": the first party named in it
                    for t in c.subtree:
                        if (
                            t.i != c.i
                            and t.pos_ in {"NOUN", "PROPN"}
                            and t.dep_ not in {"compound", "poss"}
                            and actorish(t)
                        ):
                            return [t, *t.conjuncts]
        if found.code.category == "REJECT":
            # "declined to resign despite pressure by X": X is the one refused
            for verb in verbs:
                for t in verb.subtree:
                    if t.dep_ == "prep" and t.lower_ == "despite":
                        obj = _pobj(t)
                        owner = owner_of(obj) if obj is not None else None
                        owner = owner or (_inner_actor(obj) if obj is not None else None)
                        if owner is not None:
                            return [owner, *owner.conjuncts]
        return []

    # -- steps 4 and 5
    def nominal(self, noun: Token) -> Found | None:
        if noun.i in self.consumed_nouns:
            return None
        if noun.dep_ == "compound" and noun.head.dep_ in OBJECT_DEPS and self.memo.get(noun.head.head.i) is not None:
            return None  # "held a videoconference meeting": one event, its medium read from the compound
        entry = match_noun(noun, self.lex)
        if entry is None or entry.light_only:
            return None
        head = noun
        while head.head.i != head.i and head.pos_ not in {"VERB", "AUX"}:
            head = head.head
        found = Found(code=entry.code, trigger=noun, head=head, nominal=True, medium=entry.code.medium)
        for c in noun.children:
            if (c.dep_ == "poss" and actorish(c)) or (
                c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}
            ):
                found.sources = [c, *c.conjuncts]
                break
        if not found.sources and noun.dep_ in OBJECT_DEPS:
            found.sources = [t for t in _subjects(noun.head) if t.lower_ not in {"it", "this", "that", "which"}]
        found.targets = _targets(noun, nominal=True)
        return found

    def run(self) -> list[Found]:
        verbs = [
            t
            for t in self.sent
            if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound", "aux", "auxpass", "prep"}
        ]
        for v in verbs:
            self.code(v)
        out: list[Found] = []
        for v in verbs:
            f = self.memo.get(v.i)
            if f is None or v.i in self.consumed_verbs:
                continue
            if not has_actor(f.targets) or (f.code.category == "PROTEST" and _placed(f.targets)):
                # a protest's place ("demonstrated in X") is its recipient only when nothing else is
                f.targets = self.fallback_targets(f) or f.targets
            out.append(f)
            # gapping: "threatened A with X, and B with Y"
            for c in v.children:
                if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"} and f.targets and not f.nominal:
                    out.append(replace(f, targets=[c], trigger=f.trigger))
        for t in self.sent:
            if t.pos_ in {"NOUN", "PROPN"}:
                nf = self.nominal(t)
                if nf is not None:
                    out.append(nf)
        return out


def code_sentence(sent: Span, lex: Lexicon) -> list[Found]:
    """The events of one sentence, in text order of their triggers.

    A meeting named again without its parties ("... and it was a phone call") takes the parties of
    the meeting before it in the same sentence.
    """
    found = sorted(SentenceCoder(sent, lex).run(), key=lambda f: (f.trigger.i, f.head.i))
    for i, f in enumerate(found):
        if f.code.category != "CONSULT" or f.sources:
            continue
        for prev in reversed(found[:i]):
            if prev.code.category == "CONSULT" and prev.sources:
                f.sources, f.targets = list(prev.sources), list(f.targets or prev.targets)
                break
    return found


def main_event(found: list[Found]) -> Found | None:
    """The sentence's central event: nearest the root (a noun counts from its verb), verbal first, then the first."""
    if not found:
        return None
    return min(found, key=lambda f: (f.depth, f.nominal, f.head.i))
