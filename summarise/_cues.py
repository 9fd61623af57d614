"""What makes a word an attribution cue, and what kind of claim its content is.

A cue is a reporting, judging, estimating or denying verb of the project's lexicon
(``summarise/data/cues.yaml``) used with what it reports: a clause, or for some verbs an object
("denied the report", "backs the bill", "put the cost at $4 million") or what it is about
("spoke about the shortage", "pressed for a vote"). Besides verbs: an adjective or participle of a
stance or state of mind held by someone ("is confident that ...", "was critical of ...", "was
troubled by ..."), an aside set off beside the clause it reports ("As X noted, ...", "..., the
survey shows, ..."), "made it clear that ...", and a verb that opens a quotation with a colon.
The kind starts from the cue and is refined by the content (a hedge or a range makes an estimate,
a charge of wrongdoing an allegation). :mod:`._frames` finds the cue's source and content.
"""

from __future__ import annotations

from typing import Any

from ._cue_shapes import literal_with, made_clear, parenthetical_conj
from ._nlp import lexicons
from ._cue_senses import FIGURES as _FIGURES, claims_something, subject_holders as _subject_holders
from ._speakers import animate, is_document, named_elsewhere

__all__ = ["ABOUT_CUES", "ASSENT_CUES", "ADDRESSEE_CUES", "AS_CUES", "ADJECTIVE_CUES", "ADJECTIVE_PREPS", "FOR_CUES", "DOCUMENT_CUES", "MEDIUM_CUES", "MENTAL_CUES", "MESSAGE_NOUNS", "OBJECT_CUES", "QUOTE_CUES", "STANCE_CUES", "animate", "aside", "is_cue", "is_document", "colon_quote", "document_participle", "made_clear", "told_whom", "values_at"]

# Speech acts and judgements with what they are about as their object ("cited the report",
# "chided the council"): cues only when someone, not something, does them (see STANCE_CUES).
_SPEECH_ACTS = frozenset(
    "cite echo highlight underscore lament bemoan voice discuss advocate promote request outline trash "
    "chide admonish assail scold berate rebuke fault excoriate disparage belittle insult cheer embrace "
    "champion salute congratulate challenge explain note tweet mention stress extol eulogize eulogise lionize lionise "
    "vilify demonize demonise rubbish".split())
# Cues that take their content as an object or prepositional phrase, not only a clause.
OBJECT_CUES = frozenset(
    "thank accuse blame deny refute reject dismiss rebut dispute contest criticise criticize "
    "condemn praise hail slam blast denounce decry applaud commend laud call label brand deem describe "
    "refer charge welcome express deride lambast castigate defend disavow repudiate contradict mock "
    "ridicule suspect implicate confirm acknowledge admit announce reveal disclose warn urge "
    "order demand propose promise pledge threaten tout allege support back oppose endorse favor favour "
    "estimate project forecast predict calculate point".split()
) | _SPEECH_ACTS | {"fear", "trust", "distrust", "mistrust", "admire", "resent", "dislike", "seek"}
# Verbs of regarding something as something ("see X as Y"): an opinion of whoever does.
AS_CUES = frozenset("see view regard interpret characterize characterise portray depict".split())
# Verbs of pushing for something: cues only with "for"/"against" or an infinitive.
_PUSH_CUES = frozenset("push press lobby campaign".split())
# Cues of taking a side ("X backs Y"): an attribution only when someone, not something, does it.
STANCE_CUES = frozenset("support back oppose endorse favor favour rail speak talk joke complain fear trust distrust mistrust admire "
                        "resent dislike".split()) | _SPEECH_ACTS | _PUSH_CUES
# Cues whose content is what they are "about" ("spoke about the economy", "complained of delays").
ABOUT_CUES = frozenset("speak talk joke complain write testify rail boast brag".split())
# Cues whose content is what they are "for" or "against" ("pressed for a vote", "railed against").
FOR_CUES = frozenset("push press lobby campaign rail call argue plead".split())
# Adjectives of a stance or a state of mind, with what it is about ("is confident that ...", "was
# critical of ...", "are worried about ..."): the holder's, and the kind of claim they make it.
ADJECTIVE_CUES = {
    "confident": "estimate", "sure": "estimate", "certain": "estimate", "convinced": "opinion",
    "optimistic": "estimate", "pessimistic": "estimate", "hopeful": "estimate", "doubtful": "estimate",
    "skeptical": "opinion", "sceptical": "opinion", "critical": "opinion", "supportive": "opinion",
    "aware": "statement", "worried": "statement", "concerned": "statement", "afraid": "statement",
    "fearful": "statement", "adamant": "statement", "insistent": "statement", "unaware": "statement",
    "upbeat": "opinion", "enthusiastic": "opinion", "wary": "opinion", "cautious": "opinion", "bullish": "estimate",
    "bearish": "estimate", "unhappy": "opinion", "happy": "opinion", "satisfied": "opinion", "dissatisfied": "opinion",
    "angry": "opinion", "furious": "opinion", "troubled": "opinion", "disturbed": "opinion", "alarmed": "opinion",
    "disappointed": "opinion", "pleased": "opinion", "frustrated": "opinion", "upset": "opinion", "outraged": "opinion",
    "encouraged": "opinion", "heartened": "opinion", "dismayed": "opinion", "appalled": "opinion",
    "uneasy": "statement", "nervous": "statement", "anxious": "statement", "persuaded": "opinion",
}
ADJECTIVE_PREPS = frozenset("of about over with at by".split())
# Verbs of a state of mind (wanting, intending, believing, knowing): in a relative clause ("its
# backers, who seek to ...") they are the article's characterisation of someone, not what that
# someone said.
MENTAL_CUES = frozenset("want intend seek wish aim hope fear plan worry feel believe think expect know understand "
                        "remember realize realise recognize recognise wonder notice assume presume prefer try".split())
# Verbs of knowing and noticing: a cue only with a clause and a holder of the thought.
_COGNITION = frozenset("know understand remember realize realise recognize recognise wonder notice".split())
# Verbs that give a figure as someone's valuation when followed by "at" and a number.
_VALUING_CUES = frozenset("put place peg value".split())
# Cues that introduce a quotation ('"...," she said'); the manner of saying it ('"Go!" she shouted') only beside one.
# Verbs of agreeing or explaining that a quotation after them can spell out ('X agreed. "..."').
ASSENT_CUES = frozenset("agree disagree concur explain elaborate".split())
_MANNER_CUES = frozenset("shout yell scream exclaim cry whisper mutter chant quip retort".split())
# Verbs that close a quotation they open or answer ('"...," Hannity started.'): cues only there.
_CLOSING_CUES = frozenset("start begin interject counter".split())
QUOTE_CUES = frozenset("say tell add write state post reply respond tweet ask".split()) | _MANNER_CUES | _CLOSING_CUES
# Of those, the ones whose prepositional phrase is where they said it, never what.
MEDIUM_CUES = frozenset("say write state post tweet".split()) | _MANNER_CUES
# Nouns of a message someone issues ("issued a statement calling ...", "sent a letter urging ...",
# "in a post saying ..."): a cue that modifies one is spoken by whoever issued it.
MESSAGE_NOUNS = frozenset(
    "statement letter message post tweet release communique communiqué note memo email e-mail op-ed "
    "editorial column video speech interview petition resolution motion notice appeal filing ad ads "
    "advertisement commercial pitch plea remarks response reply rebuttal retort".split())
# Cues whose object is the person told, not what is said ("telling CNN: '...'").
ADDRESSEE_CUES = frozenset("tell inform assure warn remind promise".split())
# What is told, not whom ("told the truth", "told a story").
TOLD_THINGS = frozenset("truth story lie joke tale anecdote secret news".split())


def told_whom(cue: Any, child: Any) -> bool:
    """Whether ``child`` is the person or body a cue of telling addresses ("told them", "told a
    Senate panel"): its object, no content of its own ("told the truth" is what was told)."""
    return child.dep_ == "dobj" and cue.lemma_.lower() in ADDRESSEE_CUES and child.lemma_.lower() not in TOLD_THINGS


# Cues a document or a set of data can be the source of ("records show", "a study found").
DOCUMENT_CUES = frozenset("show find suggest indicate reveal conclude estimate project confirm report".split())

def values_at(tok: Any) -> bool:
    """'puts the cost at $4 million', 'pegged turnout at 60 percent': a figure someone gives."""
    return tok.lemma_.lower() in _VALUING_CUES and tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num or t.ent_type_ in _FIGURES for t in c.subtree)
        for c in tok.children) and any(c.dep_ == "dobj" for c in tok.children)


def document_participle(tok: Any) -> Any | None:
    """The document a participle of showing or finding describes, with the clause it shows
    ("including bank records showing he was paid ...": the records); None otherwise."""
    if (tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.lemma_.lower() in DOCUMENT_CUES and is_document(tok.head)
            and any(c.dep_ == "ccomp" for c in tok.children)):
        return tok.head
    return None


def is_cue(tok: Any) -> bool:
    lex = lexicons()
    lemma = tok.lemma_.lower()
    if values_at(tok):
        return True
    if lex.cue_kind.get(lemma) == "opinion" and literal_with(tok):
        return False  # "Israel slammed the Gaza Strip with airstrikes", "hit the town with rockets": an act, no view
    if lemma in AS_CUES:
        # "critics see the plan as a giveaway", "many view him as the favourite": a stance, only with "as" and
        # someone holding it ("we saw the film" reports nothing; "Millennials see X against Y as a problem": "as" on the object)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if tok.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in tok.children) and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) \
                and not any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT") for c in tok.children):  # (not "as she was when she was viewed as X")
            return True  # "X is widely seen as the favourite": a view held by those who see it (the agent, or no one named)
        return tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in [*tok.children, *(t for o in objs for t in o.subtree if t.i > o.i)]) and any(
            c.dep_ == "nsubj" and (animate(c) or c.lower_ in ("some", "many", "others", "most") and not any(c.children)) for c in tok.children) and bool(objs)
    if lemma == "question" and tok.pos_ == "VERB":
        # "delegates questioned whether ...", "some question the wisdom of ...": someone's doubt
        return any(c.dep_ == "nsubj" and animate(c) for c in tok.children) and any(
            c.dep_ in ("ccomp", "dobj") for c in tok.children)
    active = tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "dative") for c in tok.children) and not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)  # ("is convinced the pitch ... is to blame": misread object)
    if tok.lower_ in ADJECTIVE_CUES and not active and (tok.tag_ == "VBN" or tok.tag_ == "VBD" and _after_linking(tok)):
        # "not everyone is convinced the issue ...", "residents are concerned about": a participle
        # of a state of mind, its passive subject the one who holds it ("has encouraged residents
        # to ...", with an object, is the active verb)
        return _held_by_someone(tok, ("nsubjpass", "nsubj")) and _about_something(tok)
    if (lemma in ADJECTIVE_CUES or tok.lower_ in ADJECTIVE_CUES) and not active:
        # "X is confident that ...", "X was critical of ...": an adjective of someone's stance,
        # with a clause or what it is about
        return tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd") and _held_by_someone(tok.head, ("nsubj", "nsubjpass")) and (
            _about_something(tok))
    if lemma in _COGNITION:
        # "X knows that ...": a reported thought, only with a clause and someone holding it
        # ("it knows how to fight back" reports nothing)
        # (the small tagger can read "knows" as a noun: a subject and a clause say it is the verb)
        return tok.pos_ in ("VERB", "NOUN") and any(c.dep_ == "ccomp" for c in tok.children) and any(
            c.dep_ == "nsubj" and c.lower_ != "it" and animate(c) for c in tok.children)
    if lemma in ("assume", "presume", "welcome") and any(c.dep_ == "dobj" and (lemma != "welcome" or animate(c)) for c in tok.children):
        return False  # "would assume office", "assumed control of": taking something on; "welcomed guests": greeting
    if lemma == "press" and tok.pos_ == "VERB" and made_clear(tok) is not None:
        return True  # "pressing the case that low rates are important": an argument, whoever presses it
    if lemma == "make" and tok.pos_ == "VERB":
        # "X made it clear (that) ...", "made clear that ...": what follows "clear" (with a
        # subject of its own: "wanted to make it clear" is the wanting's)
        return made_clear(tok) is not None and any(c.dep_ == "nsubj" and (animate(c) or is_document(c) or c.tag_ in ("NNS", "NNPS", "NNP"))
                                                   for c in tok.children)
    if tok.pos_ == "VERB" and colon_quote(tok) is not None and any(
            c.dep_ == "nsubj" and (animate(c) or c.lower_ == "who" and tok.dep_ == "relcl" and animate(tok.head)) for c in tok.children):
        return True  # 'X shot back: "That would be good."': a verb that opens a quotation with a colon ("X, who declared, '...'")
    if lemma == "put" and tok.pos_ == "VERB" and any(_put_it(tok, c) for c in tok.children):
        # "as Tom Ridge put it, ...", "as she put it: '...'"
        return aside(tok) and any(c.dep_ == "nsubj" for c in tok.children)
    if lemma == "attack" and tok.pos_ == "VERB":
        return _verbal_attack(tok)
    if lemma in _HIT_VERBS and tok.pos_ == "VERB":
        return _hit_for(tok)
    if lemma == "refuse":
        # "refused the charge" denies it; "refused to release the names" is something done
        return any(c.dep_ == "dobj" and c.lemma_.lower() in lex.claim_nouns for c in tok.children)
    if lemma not in lex.cue_kind:
        return False
    if not claims_something(tok, lemma):
        return False
    if tok.pos_ not in ("VERB", "AUX"):
        # the small tagger misreads "Records show that ..." as a noun; a subject and a clausal
        # complement say it is the verb
        if not (any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children)):
            return False
    if lemma == "point" and not (any(c.dep_ == "prt" and c.text.lower() == "out" for c in tok.children) and (
            any(c.dep_ in ("dobj", "ccomp") for c in tok.children) or aside(tok))) and not (
            any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and any(
                c.dep_ == "nsubj" and (animate(c) or is_document(c)) for c in tok.children)):
        return False  # "pointed out the gains", "pointed out that ...", "as X pointed out"; "X points to Y" cites Y
    if lemma == "show" and not any(c.dep_ in ("nsubj", "nsubjpass") and any(is_document(x) for x in (c, *c.conjuncts))
                                   for c in _subject_holders(tok)) and tok.dep_ != "relcl" and document_participle(tok) is None:
        return False  # data and documents show things; "Mexico has shown it knows how" is the article's
    has_clause = any(c.dep_ in ("ccomp", "xcomp") or (  # "recalled that ...", parsed as an adverbial clause
        c.dep_ == "advcl" and c.i > tok.i and any(m.dep_ == "mark" and (m.lower_ == "that" or m.lower_ == "for" and lemma in FOR_CUES)
                                                  or m.dep_ == "advmod" and m.lower_ == "that" and m.i == c.left_edge.i
                                                  for m in c.children))  # "called for the wage to be raised"
        for c in tok.children) or parenthetical_conj(tok) is not None  # "This sort of X, CNN claimed, violates ..."
    if tok.pos_ == "VERB" and aside(tok) and any(c.dep_ in ("nsubj", "agent") for c in tok.children):
        return True  # "What is less clear, the survey shows, is ...", "As the mayor noted, ...": the clause around
    if lemma in OBJECT_CUES or (lemma in DOCUMENT_CUES and any(
            c.dep_ == "nsubj" and any(is_document(x) for x in (c, *c.conjuncts)) for c in tok.children)):  # "the poll finds a generation that ..."
        return has_clause or any(c.dep_ in ("dobj", "prep", "oprd", "nsubjpass") and not (lemma == "threaten" and c.dep_ != "dobj" and c.lower_ != "with")
                                 for c in tok.children) or tok.dep_ == "relcl" or (  # ("were threatened by men at home": an act, nothing said)
            lemma in QUOTE_CUES and any(t.is_quote for t in tok.sent if t.i < tok.i))  # '"...!" he tweeted.
    if lemma in ("reply", "respond"):
        # a reply is a cue with what was replied: a clause or a quotation ("communities that
        # respond favorably" report nothing; a named person's or body's response is theirs)
        return has_clause or any(t.is_quote for t in tok.sent) or any(
            c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG") or named_elsewhere(c)) for c in tok.children)
    if lemma in _CLOSING_CUES and not (any(c.dep_ == "nsubj" for c in tok.children) and tok.doc[tok.sent.start].is_quote
                                       and all(t.is_punct or t.is_space or t.dep_ == "advmod" for t in tok.doc[tok.i + 1:tok.sent.end])):
        return False  # ('"...," Hannity started.' only: not "the meeting started with a 'moment of silence'")
    if lemma in _MANNER_CUES and not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # ('children use a figure to wreck a dollhouse, yelling "..."': who yells, the parse cannot say)
    if lemma in QUOTE_CUES and (lemma not in _MANNER_CUES | {"ask"} or any(t.is_quote for t in tok.sent) and not (
            tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl")) or lemma in _MANNER_CUES and _after_quote(tok)):
        return True  # quotes: '"...," she said.' (a question asked: '"Why?" she asked', not "called to ask about X")
    if lemma in ASSENT_CUES and tok.dep_ == "ROOT" and _quote_next(tok):
        return True  # 'X agreed. "..."': the quotation after it says how
    if lemma in _PUSH_CUES:
        # "pressed for a vote", "pushed to repeal it"; "pushes the tally beyond the total for 2012"
        # and "push $4 trillion into the economy to build roads" report nothing
        if any(c.dep_ == "dobj" and any(t.like_num or t.ent_type_ in _FIGURES for t in c.subtree) for c in tok.children):
            return False
        return any(_for_what(c) for c in tok.children) or any(
            c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in tok.children)
    if has_clause:
        return True
    if lemma in ("report", "announce", "disclose") and any(
            c.dep_ == "dobj" and any(t.like_num or t.ent_type_ in _FIGURES for t in c.subtree)
            and not any(t.lemma_.lower() in _OWN_RESULTS for t in c.subtree) for c in tok.children) and any(
            c.dep_ == "nsubj" and (animate(c) or is_document(c)) for c in tok.children):
        return True  # "the archive reported 189 people killed": a count someone gives (a company's own results it reports are news)
    if lemma in ABOUT_CUES or lemma in FOR_CUES:  # ("railed about X", "railed against Y")
        return any(c.dep_ == "prep" and c.lower_ in ("about", "of") and lemma in ABOUT_CUES
                   or lemma in FOR_CUES and _for_what(c) for c in tok.children)
    return False


# A business's own results, which its report makes the news ("reported profits of 310 million pounds").
_OWN_RESULTS = frozenset("profit revenue earnings sale income loss turnover dividend margin".split())
_HIT_VERBS = frozenset("knock hit hammer bash rip pummel skewer ding".split())


def _hit_for(tok: Any) -> bool:
    """"X knocked Senator Y for skipping the vote": a named person or body (not a place: "the
    storm hit the coast for hours") criticised by someone for something they did or said."""
    target = [c for c in tok.children if c.dep_ == "dobj"]
    by = [c for c in tok.children if c.dep_ == "nsubj"]
    why = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "over") and any(
        x.dep_ == "pcomp" and x.tag_ == "VBG" or x.dep_ == "pobj" and x.ent_type_ not in ("DATE", "TIME", "QUANTITY", "CARDINAL")
        and not x.like_num for x in c.children)]
    return bool(target and by and why) and all(
        t.ent_type_ in ("PERSON", "ORG") or t.lower_ in ("him", "her", "them") for t in target) and all(animate(t) for t in by)


def _verbal_attack(tok: Any) -> bool:
    """"X attacked Romney for ...", "was attacked by Senator Y over ...": words against a named
    person or body, by one; "attacked the village", "attacked a man with a knife" report nothing."""
    target = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    by = [c for c in tok.children if c.dep_ == "nsubj"] + agent
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if "with" in preps or not target or not by:
        return False
    named = all(t.ent_type_ in ("PERSON", "ORG") for t in target + by)
    return named or bool(preps & {"for", "as", "over"}) and all(animate(t) for t in by)


# Verbs that link a subject to the state of mind after them ("came away convinced that ...",
# "remains convinced", "grew worried about").
_LINKING = frozenset("be come remain stay seem appear grow become feel leave walk sound look".split())


def _after_linking(tok: Any) -> bool:
    """A state of mind after a linking verb ("came away convinced", "remains worried")."""
    return tok.dep_ in ("advcl", "acomp", "oprd", "xcomp") and tok.head.lemma_.lower() in _LINKING and tok.head.i < tok.i


def _held_by_someone(verb: Any, deps: tuple[str, ...]) -> bool:
    """``verb`` has a subject (of the given dependencies) that is someone, not "it" or "there":
    its own, one the parser hung on its auxiliary ("Not everyone is convinced": "everyone" on
    "is"), for a participle after a linking verb the linking verb's ("he came away convinced"), and
    for a verb joined to another without a subject of its own the other's ("want X and are not
    convinced that ...")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))] + ([verb.head] if _after_linking(verb) else [])
    holders += [h.head for h in holders if h.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children)]
    return any(c.dep_ in deps and c.lower_ not in ("it", "there") and animate(c) for h in holders for c in h.children)


def _about_something(tok: Any) -> bool:
    """A stance word with what it is about: a clause, or an "of/about/with ..." phrase ("by" as
    the agent of a participle: "troubled by ...")."""
    return any(c.dep_ == "ccomp" or (c.dep_ in ("prep", "agent") and c.lower_ in ADJECTIVE_PREPS) for c in tok.children)


def _for_what(prep: Any) -> bool:
    """A "for"/"against" phrase naming what someone pushes for, not a year or a figure ("for 2012")."""
    return prep.dep_ == "prep" and prep.lower_ in ("for", "against") and not any(
        c.dep_ == "pobj" and (c.like_num or c.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT")) for c in prep.children)


def when_or_where(c: Any) -> bool:
    """A phrase saying when something was said ("on Monday", "at 10 a.m."), not what."""
    if c.dep_ == "npadvmod":  # "tweeted last January"
        return all(t.ent_type_ in ("DATE", "TIME") for t in c.subtree if not t.is_punct)
    rest = [t for t in c.subtree if t.i != c.i and not t.is_punct]
    return c.dep_ == "prep" and bool(rest) and all(t.ent_type_ in ("DATE", "TIME") for t in rest)


def _in_medium(prep: Any) -> bool:
    """"in his book", "on its website": where a report was made, not what it says."""
    return prep.dep_ == "prep" and prep.lower_ in ("in", "on") and any(c.dep_ == "pobj" and is_document(c) for c in prep.children)


def aside(tok: Any) -> bool:
    """A cue set off inside or beside the clause it reports, with nothing of its own to report (a "with"
    is how: "as X pointed out with a chart"): '..., the survey shows, ...' or 'As X noted, ...'."""
    lemma = tok.lemma_.lower()
    if lemma in ("welcome", "thank", "speak", "talk", "testify", "campaign", "debate") or lemma in _MANNER_CUES or lexicons().cue_kind.get(lemma) == "opinion":
        return False  # ("As he welcomed the guests, X ...", "as the president spoke": a greeting, a side taken, a time)
    if tok.head.i == tok.i or any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "nsubjpass") and not _put_it(tok, c)
                                  and (c.i > tok.i or c.dep_ == "nsubjpass") and not when_or_where(c) and not _in_medium(c) and c.lower_ != "with"
                                  and not told_whom(tok, c) for c in tok.children):  # ("The solution, the partner told them, was simple")
        return False
    if tok.dep_ == "parataxis":
        return True
    if tok.dep_ == "ccomp" and tok.i < tok.head.i and tok.head.dep_ == "ROOT":
        # "X previously reported, the foundation refused ...": the parser hangs the report on the
        # clause it reports, set off by a comma
        end = max(t.i for t in tok.subtree)
        return end + 1 < tok.head.i and tok.doc[end + 1].text == "," and any(c.dep_ == "nsubj" for c in tok.children)
    if tok.dep_ == "advcl" and not any(c.dep_ == "mark" for c in tok.children) and tok.i < tok.head.i:
        # "Soon after the hearing, the records indicate, the commissioner approved ...": set off by
        # commas inside the clause it reports, with a subject of its own
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        left, right = (subj.left_edge.i if subj is not None else 0), tok.right_edge.i
        doc = tok.doc
        return (subj is not None and left > tok.sent.start and doc[left - 1].text == "," and right + 1 < tok.head.i
                and doc[right + 1].text == ",")
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and not any(
        c.tag_ == "TO" for c in tok.children)  # (not "went so far as to say")


# Verbs of speech that open a quoted sentence after a comma ('declared, "It is time ..."').
_COMMA_QUOTE_CUES = QUOTE_CUES | frozenset("declare announce insist explain warn argue remark exclaim shout joke quip answer".split())


def colon_quote(tok: Any) -> int | None:
    """Where the quotation a verb opens with a colon starts ('shot back: "..."', 'wrote: "..."'), or a
    verb of saying with a comma before a whole quoted sentence ('tweeted, "We ..."'), or None."""
    doc = tok.doc
    i = tok.i + 1
    where = {t.i for c in tok.children if c.dep_ in ("prep", "npadvmod") and c.i == i for t in c.subtree
             if tok.lemma_.lower() in _COMMA_QUOTE_CUES}  # (a verb of speech's phrase only: not "would have on women:")
    while i < len(doc) and ((doc[i].dep_ in ("prt", "advmod") or _put_it(tok, doc[i])) and doc[i].head.i == tok.i or i in where):
        i += 1  # "shot back", "said simply", "put it", "declared in the spin room"
    if i + 1 >= len(doc):
        return None
    # ('tweeted, "Candidates are ..."' too, a whole quoted sentence: not 'X, Y said, "hides what it is"')
    mark = doc[i].text == ":" or doc[i].text == "," and tok.lemma_.lower() in _COMMA_QUOTE_CUES and i + 2 < len(doc) and doc[i + 2].text[:1].isupper()
    if mark and (doc[i + 1].is_quote or doc[i + 1].text in ("\u201c", '"', "''", "``")):
        return doc[i + 1].idx
    return None


def _after_quote(tok: Any) -> bool:
    """A sentence that opens right after a closing quotation mark ('"We won!" Lee shouted.')."""
    prev = tok.sent.start - 1
    while prev >= 0 and tok.doc[prev].is_space:
        prev -= 1
    return prev >= 0 and tok.doc[prev].is_quote and not tok.doc[prev].text in ("\u201c", "``")


def _quote_next(tok: Any) -> bool:
    """A sentence followed, in its paragraph, by one that opens with a quotation mark."""
    nxt = tok.sent.end
    while nxt < len(tok.doc) and tok.doc[nxt].is_space and "\n" not in tok.doc[nxt].text:
        nxt += 1
    return nxt < len(tok.doc) and "\n" not in tok.doc[nxt - 1].whitespace_ and tok.doc[nxt].text in ("\u201c", '"', "``")


def _put_it(tok: Any, child: Any) -> bool:
    """'as X put it': the "it" of the idiom is no object of its own."""
    return tok.lemma_.lower() == "put" and child.dep_ == "dobj" and child.lower_ == "it"
