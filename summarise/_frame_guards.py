"""Cues that report nothing although they look like reports: an infinitive of something not done
("declined to comment", "without mentioning him", "prevented from speaking", an attempt to take a
side), one of something wanted or planned ("want U.S. leaders to use it to describe"), a
participle standing for a passive with no one named ("when asked to condemn X", "with X expected
to win"), an indirect question, a condition, what a described person is expected to do, a modal
passive with no agent, a proposal, a remark of the writer's ("hard to know where X will decide",
"if she says", "the answer is to reject X", "it should be noted that"); and subjects the parser
gave a cue that are no one who could have said it (:func:`misread_subject`)."""

from __future__ import annotations

from typing import Any

from ._cues import DOCUMENT_CUES, QUOTE_CUES, animate, is_document
from ._nlp import lexicons

__all__ = ["DONE_HEADS", "misread_subject", "not_done", "not_reported", "reduced_passive", "unasserted"]


# Verbs whose infinitive did not happen ("declined to comment", "failed to show").
_NOT_DONE = frozenset("decline refuse fail avoid hesitate forget neglect cease stop resist pretend".split())


# Verbs of trying, whose infinitive is not (yet) done when it is an act ("tried to push the bill";
# "tried to argue that ..." still argues).
_ATTEMPTED = frozenset("try attempt strive struggle scramble endeavour endeavor".split())
# Acts of taking a side, which an attempt does not achieve (unlike "tried to explain that ...").
_TAKEN_SIDES = frozenset("push press lobby campaign support back oppose endorse favor favour block win".split())
# Verbs of keeping someone from doing something ("barred her from speaking").
_KEPT_FROM = frozenset("prevent bar ban stop keep block prohibit forbid discourage deter restrain dissuade refrain abstain".split())


# Verbs of wanting, planning and letting: what follows them has not happened ("allowing users to tell").
_INTENDED = frozenset("want plan intend hope wish aim expect need prepare seek allow permit enable let".split())
# Heads under which an infinitive happened: "went on to say", "had to deny", "was quick to note".
# Verbs that make or let someone do something, with a bare infinitive ("let them say", "made him admit").
_CAUSATIVE = frozenset("let make have help".split())
DONE_HEADS = frozenset("go proceed continue begin start move manage rush hasten have force compel oblige able quick "
                       "careful keen first last seem appear prompt lead spur persuade convince cause drive inspire provoke".split())


def not_reported(tok: Any) -> bool:
    """A bare infinitive cue under a verb of wanting or planning, directly or through a verb it
    governs ("want U.S. leaders to use it to describe the enemy", "plans to announce"): what
    someone meant to do, not a report of what anyone said ("used a speech to argue", "tried to
    explain", "broke silence to dispute" did say)."""
    if tok.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ in ("could", "might", "may") for a in tok.children):
        return True  # "The firm could announce the cuts": what may yet be said, nothing said
    if tok.tag_ == "VB" and tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in _CAUSATIVE and any(
            a.dep_ == "neg" or a.dep_ == "aux" and a.tag_ == "MD" for a in tok.head.children):
        return True  # "Readers may not let editorials tell them how to vote": no one told them anything
    if tok.tag_ != "VB" or tok.dep_ not in ("xcomp", "advcl", "ccomp") or not any(a.tag_ == "TO" for a in tok.children):
        return False
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "advcl", "ccomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in _INTENDED or t.lower_ == "used" and t.tag_ == "VBD" and tok.head.i == t.i:
            return True  # ("used to support X": what someone once did, no report)
        if t.lemma_.lower() in DONE_HEADS and (any(a.dep_ == "aux" and a.tag_ == "MD" for a in t.children) or t.lemma_ == "have" and t.tag_ in ("VB", "VBP", "VBZ")):
            return True  # "may have to disavow him", "has to explain": an obligation or a possibility, nothing said yet
    return False


def unasserted(tok: Any) -> bool:
    """A cue in an indirect question or a condition ("know where X will decide", "if she says"), in
    what a description of someone is expected to do ("the jury that is expected to decide"), or in
    a proposal ("the answer is to reject X"), or a remark of the writer's ("it should be noted that"),
    or a cue that would say "whatever" or "anything" ("will say whatever it takes")."""
    # (", where he told voters": a relative clause the parser took for a complement; it happened)
    left = {c.lower_: c.dep_ for c in tok.children if c.i < tok.i and c.dep_ in ("advmod", "mark") and c.doc[c.i - 1].text != ","}
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "xcomp" and t.head.lemma_ == "be" and any(a.tag_ == "TO" for a in t.children):
        return True  # "the way forward is to elect X and reject Y": a proposal, no one rejected
    if any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children) and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "may", "might") for c in tok.children) \
            and not any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in tok.children):
        return True  # "no allegiances would be disclosed": a rule or a forecast, no one's report
    if tok.tag_ == "VBN" and any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in tok.children) and any(
            c.dep_ == "aux" and c.lower_ in ("should", "must", "can", "could", "might") for c in tok.children):
        return True  # "It should be noted that ...", "it must be said": the writer's own remark, no one else's
    if any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in tok.children) and tok.head.pos_ in ("NOUN", "ADJ", "ADV", "NUM") \
            and not any(c.dep_ in ("ccomp", "xcomp", "dobj") or c.tag_ == "TO" for c in tok.children):
        return True  # "did not announce as much stimulus as many had hoped": a comparison (not "so far as to say")
    if _compared_subject(tok):
        return True  # "turnout was higher than most analysts expected": what they did not see, no report
    if tok.dep_ == "ccomp" and any(c.dep_ == "neg" for c in tok.head.children) and (tok.head.lemma_ == "be" or tok.head.lower_ in ("'s", "\u2019s")) and any(
            c.dep_ in ("nsubj", "expl") and c.lower_ in ("it", "this", "that") for c in tok.head.children):
        return True  # "It's not that Cruz feels he has anything to apologize for": denied, not reported
    if any(c.dep_ == "auxpass" for c in tok.children) and lexicons().cue_kind.get(tok.lemma_.lower()) == "allegation" and (
            any(c.dep_ == "neg" for c in tok.children) or any(c.dep_ == "nsubjpass" and (c.lower_ in _NO_ONE or any(
                x.dep_ in ("preconj", "det") and x.lower_ in ("neither", "no") for x in c.children)) for c in tok.children)):
        return True  # "Neither X nor her allies have been charged with any crime": no one accused them
    if tok.lemma_.lower() == "deem" and any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
        return True  # "The area was deemed safe": a determination no one is named making, the article's to report
    if tok.lemma_.lower() not in DOCUMENT_CUES and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) and any(
            c.dep_ == "dobj" and (c.lower_ in ("nothing", "none") or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
            for c in tok.children):
        return True  # "has proposed nothing that would ...", "said nothing about", "announced no plans": nothing said
        # ("found no record of the payment" finds something)
    if tok.lemma_.lower() in _INTENT_CUES and t.dep_ == "ccomp" and t.head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ in _INFERRED for c in t.head.children):
        return True  # "It is apparent that Clinton wanted to shield X": the writer's inference, not what she said
    if _hypothetical(tok) or _in_hypothetical_report(tok):
        return True  # "If she prevailed, she would be able to claim X": nothing claimed yet
    if t.dep_ in ("ccomp", "xcomp", "pcomp", "pobj", "csubj") and t.left_edge.i < t.i and t.left_edge.lower_ in (
            "how", "whether", "why", "where"):
        return True  # "depend on how the owners decide to proceed": a question, no one's decision
        # (and its conjuncts: "asked why young people didn't like her and thought she was a liar")
    if tok.dep_ == "relcl" and tok.left_edge.lower_ not in ("who", "which", "that", "whom") and tok.head.pos_ not in ("NOUN", "PROPN") and any(c.dep_ == "ccomp" and c.tag_ in ("VB", "VBD", "VBZ", "VBP") and not any(
            x.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for x in c.children) for c in tok.children):
        return True  # "to anyone they think should get one": said of a pronoun, which no rendering restores ("a probe the
        # agency said was ongoing" is "the agency said the probe was ongoing")
    if any(c.dep_ == "ccomp" and any(n.dep_ in ("nsubj", "nsubjpass") and n.lower_ == "what" and n.i < tok.i
                                     for n in c.children) for c in tok.children):
        return True  # "lays out what he believes are the core beliefs": the same, with a question word
    modal = any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in tok.children)
    if modal and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.children):
        return True  # "A loss would hurt her. It could also encourage him to stay": what a thing might do
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("whatever", "anything") and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "can", "could") for c in tok.children):
        return True  # "a politician who will say whatever pleases the crowd": a habit described, nothing said
    return bool(left.keys() & {"where", "how", "why", "whether", "if"}) and tok.dep_ in ("ccomp", "xcomp", "pcomp", "pobj", "csubj") \
        or bool(left.keys() & {"if", "unless"}) and tok.dep_ == "advcl" or tok.dep_ == "xcomp" and tok.head.dep_ == "relcl"


def _compared_subject(tok: Any) -> bool:
    """A cue whose subject stands after the "than" or the second "as" of a comparison ("higher than
    most analysts expected", "not as large as critics claim"), however the parser hung it; not an
    aside ("the deficit is large, as critics claim")."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None:
        return False
    k = subj.left_edge.i - 1
    while k > 0 and tok.doc[k].lower_ in ("many", "most", "some", "even", "what", "the", "those", "all"):
        k -= 1
    return k > 0 and (tok.doc[k].lower_ == "than" or tok.doc[k].lower_ == "as" and tok.doc[k - 1].tag_ in ("JJ", "JJR", "RB", "RBR"))


def _in_hypothetical_report(tok: Any) -> bool:
    """A cue that is a means someone might use ("could fight the charge by arguing that ..."), or one
    inside what such a cue reports ("... that he saw her as a threat"): an argument not yet made."""
    def means(a: Any) -> bool:
        main = a.head.head if a.dep_ == "pcomp" else a.head
        if a.dep_ == "pcomp" and a.head.lower_ not in ("by", "through"):
            return False  # ("could shift the race, with 47 percent saying ...": what they say, not a means)
        return a.dep_ in ("pcomp", "advcl") and a.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in main.children)

    if means(tok):
        return True  # (the cue itself: "could fight it by arguing that ...")
    a = next((a for a in tok.ancestors if a.lemma_.lower() in lexicons().cue_kind), None)
    return a is not None and means(a)


def _hypothetical(tok: Any) -> bool:
    """Whether the cue is what someone would be able to do, or would do if something happened:
    "she would be able to claim X", "If he won, he would say Y" (through the verbs and the
    adjective "able" the cue hangs on)."""
    t, able = tok, False
    for _ in range(4):
        modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in t.children)
        if modal and (able or any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                                  for c in t.children)):
            return True
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
        able = able or t.lower_ == "able"
    return False


def not_done(tok: Any) -> bool:
    """A cue in the infinitive of a verb that says it was not done ("declined to threaten X",
    "did not go on to say", and its conjuncts: "declined to threaten X or declare Y"), or under
    "without", "instead of", "kept from", "refrained from" or "stopped short of"."""
    if any(c.lower_ == "than" and c.i < tok.i for c in tok.children) or tok.i > 0 and tok.doc[tok.i - 1].lower_ == "than":
        return True  # "would rather run it himself than trust anyone else to": not trusted
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pcomp" and (t.head.lower_ == "without" or t.head.lower_ in ("than", "of") and t.head.head.lower_ in ("rather", "instead")
                              or t.head.lower_ == "of" and t.head.i > 0 and t.doc[t.head.i - 1].lower_ == "instead"):
        return True  # "all without mentioning him by name", "instead of saying": not said
    if t.dep_ == "pcomp" and t.head.lower_ == "from" and t.head.head.lemma_.lower() in _KEPT_FROM:
        return True  # "prevented his wife from writing about it", "refrained from saying": not written, not said
    if t.dep_ == "pcomp" and t.head.lower_ == "of" and t.head.head.lower_ == "short":
        return True  # "stopped short of calling for X", "fell short of endorsing": not called for
    if t.dep_ not in ("xcomp", "advcl") or t.head.i > t.i:
        return False
    head = t.head
    if t.dep_ == "xcomp" and head.lemma_.lower() in _ATTEMPTED and t.lemma_.lower() in _TAKEN_SIDES:
        return True  # "as they try to push $4 trillion into the economy": attempted, not done ("tried to explain" explains)
    if head.lemma_.lower() in _NOT_DONE:
        # ("declined to threaten X or directly declare Y": the second hung as an adverbial; not
        # "refused to name one, adding that ...", which he did add)
        return t.dep_ == "xcomp" or t.tag_ == "VB" or any(a.tag_ == "TO" for a in t.children)
    return any(c.dep_ == "neg" for c in head.children) and (t.dep_ == "xcomp" or any(a.tag_ == "TO" for a in t.children))


def reduced_passive(tok: Any) -> bool:
    """A participle standing for a passive clause with no one named ("when asked to ...", "X,
    asked about Y, ..."): whoever it inherits a subject from is the one asked."""
    if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "pcomp" and tok.head.lower_ in ("with", "without") and not any(
            c.dep_ in ("aux", "auxpass", "agent") for c in tok.children):
        return True  # "with X and Y expected to win": what others expect of X and Y, not their own words
    bare = lambda t: not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in t.children)  # noqa: E731
    if tok.tag_ == "VBN" and tok.dep_ == "conj" and tok.head.tag_ == "VBN" and tok.head.dep_ in ("advcl", "acl") and bare(tok) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.head.children):
        return True  # "Courted by the candidates and widely expected to be the top donor, X said ..."
    if tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and tok.lemma_.lower() in ("ask", "question", "press", "urge", "invite", "challenge") \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return True  # "Asked by X to respond to Y, Carson said": the one asked answers; being asked is no claim of his
    return tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and bare(tok)


# A subject pronoun's object form: an inherited "she" with "her" as the object is a misparse (the same person is "herself").
_OBJECT_FORM = {"she": "her", "he": "him", "they": "them", "we": "us"}


# Verbs of an intention or a motive the article can infer, and the words by which it says it infers them.
_INTENT_CUES = frozenset("want wish intend seek aim hope plan mean try".split())
_INFERRED = frozenset("apparent clear obvious evident plain likely possible probable unlikely".split())


# Pronouns that describe whoever would do something, no one in particular ("anybody who complains").
_NO_ONE = frozenset("none nobody no-one".split())
_ANY_ONE = frozenset("anybody anyone everybody everyone whoever nobody".split())


def misread_subject(tok: Any, subj: Any | None, passive: bool) -> bool:
    """A subject the parser gave a cue that is no one who could have said it, or a passive
    directive with no one named ("he had been asked to preserve them"): "All told, the group
    raised ..." (an idiom), a bare singular common noun ("only to watch them falter - believes
    that": a verb read as a noun), or the object two headline verbs share read as the second's
    inverted speaker ("X praises, laments Y's legacy": a clause with nothing after its verb before
    the cue, and after it a "speaker" that is no one, possessors aside; verbs of saying invert),
    or a relative clause on a noun the parser made the sentence's root, having taken in its verb,
    or an object pronoun ("made them feel that ..."), or a subject holding a word the parser read as
    punctuation."""
    if subj is not None and subj.lower_ in ("them", "him", "me", "us", "whom"):
        return True  # "to make them feel that he was talking to them": an object made to feel, no one's report
    if subj is not None and any(t.is_alpha and (t.dep_ == "punct" or t.tag_ == "UH") for t in subj.subtree if t.i < tok.i):
        return True  # "Depositions released in March quote Trump acknowledging": a word read as punctuation, the parse lost
    if passive and tok.lemma_.lower() in ("ask", "urge", "tell", "order", "instruct") and (any(
            c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in tok.children) or tok.lemma_.lower() == "ask") and not any(
            c.dep_ == "agent" for c in tok.children):
        return True  # "even though he had been asked to preserve them", "Psaki was asked a question about X": that
        # someone was asked is the article's, not a report
    if tok.dep_ == "relcl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN"):
        inside = {t.i for t in tok.subtree}
        if not any(t.pos_ in ("VERB", "AUX") and t.i not in inside and t.lower_ != "according" for t in tok.sent):
            return True  # "Critics who say the plan is flawed point to costs" read with the noun as the root: the
            # clause swallowed the sentence's own verb, and where what they say ends is unsure
    if subj is None:
        return False
    if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ") and subj.head.i == tok.head.i and tok.head.tag_ == "VB" and any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children):
        return True  # "he was certain X wouldn't order an attack and wanted to ...": a past verb cannot share "would";
        # whose verb it is (X's or his), the parse cannot say
    if subj.lower_ in _ANY_ONE and (tok.dep_ == "relcl" or subj.lower_ == "whoever"):
        return True  # "anybody who complains about a microphone is not having a good night": no one in particular
    if subj.lower_ == "all" and tok.lower_ == "told" and tok.i == subj.i + 1 or subj.lower_ in ("what", "whatever") or any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i < tok.i for c in subj.children):
        return True  # (and "it's his business what favors he does": a question word is no one; nor is a
    # noun the parser coordinated with a verb: "The deal and how it came to be ... - and says")
    if subj.head.i != tok.i and any(c.dep_ == "dobj" and c.lower_ == _OBJECT_FORM.get(subj.lower_) for c in tok.children):
        return True  # "which she was doing when the police located her and told her to leave": "she" does not tell "her"
    if tok.tag_ == "VBZ" and tok.dep_ != "relcl" and subj.head.i != tok.i and (subj.tag_ == "NNS" or subj.head.tag_ == "VBP") and not any(
            c.dep_ == "cc" for c in subj.children):
        return True  # "The group tends to X, but often plans come together": a plural is not the subject of "plans"
    if subj.tag_ == "DT" and subj.lower_ in ("both", "all", "each", "either", "neither") and subj.dep_ not in ("nsubj", "nsubjpass"):
        return True  # "limited both who could own a weapon ... and then appeared to threaten": no one the word names
    if not passive and subj.tag_ in ("NN", "NNS") and subj.head.i == tok.i and any(c.tag_ == "TO" for c in tok.children) \
            and not (subj.ent_type_ or animate(subj) or is_document(subj)):
        return True  # "wait until the primaries to decide who to back": the primaries decide nothing
    if not passive and subj.tag_ == "NN" and not subj.ent_type_ and not any(
            c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in subj.children) and not (animate(subj) or is_document(subj)) \
            and not (subj.text[:1].isupper() and subj.i > subj.sent.start + 1 and subj.doc[subj.i - 1].is_quote):
        return True  # (a name after a quotation the tagger took for a noun is no misreading: '"...," Hannity started.')
    if subj.i < tok.i or subj.head.i != tok.i or passive or tok.lemma_.lower() in QUOTE_CUES:
        return False
    if not any(c.dep_ == "ccomp" and c.i < tok.i and not any(x.i > c.i and not x.is_punct for x in c.children) for c in tok.children):
        return False
    owners = [t for p in subj.children if p.dep_ == "poss" for t in p.subtree]
    return not any(animate(t) or is_document(t) or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                   for t in subj.subtree if t not in owners)

