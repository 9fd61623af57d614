"""Which senses of a cue verb report something: "denied the report" does, "was denied bail" does
not; "called him a liar" does, "called the treasurer" does not; "projected a deficit" does,
"project power" does not. Used by :func:`._cues.is_cue` once a verb is in the lexicon."""

from __future__ import annotations

from typing import Any

from ._speakers import animate, is_document

__all__ = ["FIGURES", "claims_something", "subject_holders"]

#: Entity labels of a figure ("$4 million", "60 percent").
FIGURES = frozenset("MONEY CARDINAL PERCENT QUANTITY".split())
# Things granted or refused ("was denied bail", "denied the request"): refusing one is an act, not
# the denial of a claim.
_GRANTED = frozenset("bail entry access permission visa request application parole admission motion petition appeal bid "
                     "service benefit treatment loan licence license permit asylum citizenship custody leave release "
                     "exemption waiver funding credit coverage insurance care tenure promotion passage".split())
# Pictures posted: an act, not a claim ("posted a photo").
_IMAGES = frozenset("image images photo photos photograph photographs picture pictures selfie selfies video videos clip".split())
# Proceedings a court or an employer dismisses: an act, not the denial of a claim.
_PROCEEDINGS = frozenset("case lawsuit suit indictment appeal motion petition jury".split())
# Nouns of a measured amount: what a projection projects ("projected a deficit").
_MEASURES = frozenset("growth deficit surplus loss profit gain increase decrease decline rise fall drop shortfall "
                      "revenue earnings sales turnout cost costs total number figure rate margin share majority "
                      "win victory defeat".split())


# Quantifiers that stand for people as subjects ("several threatened to walk out").
_SOME = frozenset("several some many most few all both others".split())


def claims_something(tok: Any, lemma: str) -> bool:
    """False for the senses of a cue verb that report no claim ("deny", "charge", "find", "add",
    "call", "project", "seek", "refer", "continue", "promote", "say", "tell", "dismiss", "write", "post"): "was denied bail",
    "denied the request" (something refused), "charged a $100 fee" (a price; "charged the
    director" is an accusation), "added to its
    portfolio", "will add a new element" (an increase)."""
    clause = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in tok.children)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if lemma == "deny":
        # ("the request was denied": something refused, its passive subject)
        return clause or not any(o.lemma_.lower() in _GRANTED for o in objs + [c for c in tok.children if c.dep_ == "nsubjpass"]) and not (
            objs and any(c.dep_ == "nsubjpass" for c in tok.children))
    if lemma == "continue":  # "She continued that an official had told her ...": speech; "continued to rise", "the talks continue": none
        return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in tok.children)
    if lemma == "seek" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "after" for c in tok.children):
        return False  # "heavily sought after": in demand
    if lemma == "refer":  # "referred to the plan as a giveaway"; "referring to herself, A and B" names no one's view
        return clause or any(c.dep_ == "prep" and c.lower_ == "as" for x in (tok, *tok.children) for c in x.children)
    # (a verb joined to the one with the subject shares it: "that has led to shortages and now threatens to")
    # ("continues to threaten the recovery": the subject of the verb it completes)
    verb = tok.head if tok.dep_ in ("conj", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) else tok
    if lemma == "threaten" and any(
            c.dep_ == "nsubj" and (c.lower_ in ("that", "which") and not animate(verb.head) if verb.dep_ == "relcl"
                                   else c.pos_ in ("NOUN", "PROPN") and not animate(c) and c.lower_ not in _SOME)
            for c in verb.children):
        return False  # "a nightmare that now threatens to slow the recovery", "the storm threatened the harvest": a risk, no one's threat
    if lemma == "dismiss" and not clause and not any(c.dep_ == "prep" and c.lower_ == "as" for x in (tok, *objs) for c in x.children) and any(
            animate(o) or o.lemma_.lower() in _PROCEEDINGS for o in objs + [c for c in tok.children if c.dep_ == "nsubjpass"]):
        return False  # "did not dismiss his manager" (fire), "dismissed the lawsuit" (a court's act): no claim denied
    if lemma == "post" and not clause and objs and all(o.lemma_.lower() in _IMAGES for o in objs):
        return False  # "posted a sexually explicit image of himself": a picture, not a claim
    if lemma == "write" and not clause and any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "agent" for c in tok.children):
        return False  # "stories were written by men": who wrote them, not what anyone wrote
    if lemma == "promote" and any(animate(o) for o in objs):
        return False  # "promoted a senior adviser": a post, not a cause
    if lemma == "say" and objs and all(o.lower_ == "them" for o in objs) and not clause:
        return False  # "a day after he said them": the words reported elsewhere
    if lemma == "charge":  # "charged him (with fraud)", "charged that ...": an accusation
        from ._analysis import ROLE_NOUNS
        from ._nlp import lexicons

        fors = [c for x in (tok, *objs) for c in x.children if c.dep_ == "prep" and c.lower_ == "for"]
        if not clause and fors and not any(c.dep_ == "prep" and c.lower_ == "with" for x in (tok, *objs) for c in x.children) and not any(
                o.ent_type_ == "PERSON" or o.lemma_.lower() in ROLE_NOUNS for o in objs) and not any(
                lexicons().accusation_pattern().search(" ".join(t.text for t in f.subtree)) for f in fors):
            return False  # "charged her campaign for rent": a price asked ("charged the mayor for bribery" accuses)
        return clause or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or any(
            animate(o) or x.dep_ == "prep" and x.lower_ == "with" for o in objs for x in (o, *o.children))
    if lemma == "find":  # "investigators found that ...", "the poll finds ..."; not "found himself embroiled", "to find someone"
        return any(c.dep_ == "ccomp" and not any(x.dep_ == "nsubj" and x.lower_.endswith(("self", "selves")) for x in c.children)
                   for c in tok.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") and is_document(c) for c in subject_holders(tok))
    if lemma == "call":
        # "called him a liar", "called for a ban", "called on Congress to act", "called out the
        # senator"; not "called Haugland to learn more" (a telephone call) or "called an election"
        if any(c.dep_ in ("nsubjpass", "auxpass") and c.lower_ not in ("'s", "\u2019s") for c in tok.children) and not any(
                c.dep_ == "agent" for c in tok.children):  # ("who's called for": has called)
            return False  # "Texas was called for Cruz": a result declared, by no one who takes a side
        return any(c.dep_ in ("ccomp", "parataxis", "oprd") or c.dep_ == "prt" and c.lower_ in ("out", "on", "upon")
                   or c.dep_ == "xcomp" and not any(a.tag_ == "TO" for a in c.children)  # "called the row unusual"
                   or c.dep_ == "prep" and (c.lower_ == "for" or c.lower_ in ("on", "upon") and not objs)
                   or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)  # "calling for X to go"
                   for c in tok.children) or any(x.dep_ in ("appos", "attr", "oprd") and x.i > o.i for o in objs for x in o.children) \
            or any(t.is_quote for o in objs for t in o.subtree) \
            or any(o.right_edge.i + 1 < len(tok.doc) and tok.doc[o.right_edge.i + 1].tag_ == "``" for o in objs) \
            or _trailing_adjective(tok, objs)  # "calls Obamacare 'crazy system'": a label in quotes
    if lemma == "project":
        # "projected growth of 3 percent", "projects that ..."; not "project U.S. power" or "projected
        # an image of calm"
        return clause or any(t.like_num or t.ent_type_ in FIGURES or t.lemma_.lower() in _MEASURES
                             for o in objs for t in o.subtree)
    if lemma == "tell" and not clause and objs and not any(animate(o) or o.pos_ in ("PRON", "PROPN") for o in objs) and not any(
            c.dep_ in ("dative", "prep") and c.lower_ != "into" for c in tok.children):
        return False  # "telling insight into X", "told the story of Y": no one told anything to anyone
    if lemma == "add":
        return clause or not (any(not (o.is_quote or o.pos_ == "PRON") for o in objs)
                              or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children))
    return True


def subject_holders(tok: Any) -> list[Any]:
    """The cue's children, or for a verb that shares its subject with the verb before it ("Research
    conducted for X showed that ...", read as two verbs of one subject), that verb's children."""
    own = list(tok.children)
    if tok.dep_ in ("conj", "xcomp") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in own):
        return own + list(tok.head.children)  # ("a review of the emails seems to show that ...")
    return own


# Verbs of a blow that news uses for criticism of someone for something ("knocked Senator X for
# skipping the vote", "hits Trump over his remarks"): a cue only in that frame.


def _trailing_adjective(cue: Any, objs: list[Any]) -> bool:
    """Whether the cue's object runs to an adjective that ends the sentence, which the parser hung
    on a noun of the object ("called [X's squabble with the community unusual]", "unusual" read
    as the community's modifier or as the object of "with"): the object's complement."""
    if not objs:
        return False
    doc = cue.doc
    last = max((t for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "prep") for t in c.subtree), key=lambda t: t.i, default=None)
    return last is not None and (last.pos_ == "ADJ" and last.dep_ in ("amod", "pobj") and last.head.i < last.i and all(c.i < last.i for c in last.children)
            and last.i + 1 < len(doc) and doc[last.i + 1].is_punct and doc[last.i + 1].text in (".", "!", ";"))
