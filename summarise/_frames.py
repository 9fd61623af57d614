"""Attribution frames: who says, reports, estimates, alleges or denies what, from the parse.

A frame is a cue verb (``reported``, ``denied``, ``according to``), its source (the subject,
resolved to a name where it is a pronoun, surname or "the minister") and its content (the
clause the source asserts). Nested frames of one source ("Shin said that he estimates that X")
merge into one, keeping the most specific kind.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ._analysis import Analysis, Mention
from ._cues import ADJECTIVE_CUES, ASSENT_CUES, DOCUMENT_CUES, MENTAL_CUES, QUOTE_CUES, STANCE_CUES, animate, aside, colon_quote, is_cue, is_document, values_at
from ._frame_guards import misread_subject, not_done, not_reported, reduced_passive, unasserted
from ._frame_nouns import noun_frames, noun_read_frame
from ._frame_phrases import INFORMANTS, hearsay_frame, phrase_source, phrase_span
from ._frame_quotes import colon_continuation, inner_quote, quote_before_cue, quote_opens_at, merge_nested, multi_sentence_quotes, negated_answer, quote_after_colon, quote_before, quote_continuation
from ._frame_relatives import relative_content, said_of_claim_noun
from ._frame_repairs import answer_to, description_edit, fronted_description, conjoined_name_subject, continued_report, inverted_subject, is_trailing_report, participle_subject, parenthetical_cue, report_hung_on_speaker, stranded_subject, trailing_report
from ._frame_sources import colon_quotation, display_source, headline_speaker
from ._clause_shapes import first_to, fronted_fragment, in_subject, one_of_those, title_case_rest
from ._cue_shapes import opened_by
from ._frame_syntax import KIND_RANK, RELATIVE, Frame, content_of, source_tokens, span_of, subject_of, subtree
from ._kinds import cue_kind
from ._nlp import lexicons, tokens_in
from ._persons import named_in_quote

__all__ = ["Frame", "find_frames", "KIND_RANK"]


def find_frames(analysis: Analysis) -> list[Frame]:
    """Every attribution frame of the article, in text order."""
    doc, text = analysis.doc, analysis.text
    frames: list[Frame] = []
    recent: list[Mention] = []
    for si, (s0, s1) in enumerate(analysis.sentences):
        sent_frames: list[Frame] = []
        toks = tokens_in(doc, s0, s1)
        words = [t.i for t in toks if not (t.is_punct or t.is_space)]
        s_first, s_last = (words[0], words[-1]) if words else (-1, -1)
        for tok in toks:
            phrase_pobj = phrase_source(tok)
            if phrase_pobj is not None and tok.lower_ == "in" and analysis.in_quote(tok.idx, tok.idx + 1):
                phrase_pobj = None  # '"... He leads in the polls ..."': the speaker's reading of the polls
            if phrase_pobj is not None:
                pobj = phrase_pobj
                phrase = phrase_span(tok, pobj)
                src_toks = [t for t in source_tokens(pobj) if t.i in phrase]
                head = tok.head
                while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                    head = head.head  # "... incomes go up by 19.9 percent, according to": the clause, not the noun
                final = max(t.i for t in tok.subtree) >= s_last and tok.i > s_first and doc[tok.i - 1].text == ","
                record = pobj.lemma_.lower() not in INFORMANTS  # ("..., according to a transcript": the speaker's words; "to people familiar": their report)
                while head.dep_ in ("ccomp", "conj", "xcomp", "advcl") and head.head.i != head.i and (
                        not is_cue(head.head) or final and not (_speaks(head.head) and record)) and (final or not any(
                        c.dep_ == "mark" and c.i < tok.i for c in head.children)):  # ("because, according to X, Y": Y's; "A, while B, according to X": A and B X's)
                    # the parser hangs it on the nearest verb; set off at the end, it scopes over the
                    # sentence ("X is one of 707 people shot and the fourth shot ..., according to a
                    # database"; "The campaign announced that it hired X, according to the Ledger":
                    # the Ledger reports the announcement), but not over a named speaker's words ("The
                    # office said 1.2 million were affected by the storm, which made landfall ...,
                    # according to the weather service": the office says it)
                    head = head.head
                if final and record and (_speaks(head) or head.dep_ == "ccomp" and _speaks(head.head)):
                    continue  # '"...," the mayor said, according to a transcript': the mayor's words
                if tok.lower_ == "according" and s_first < tok.i < tok.sent.root.i and doc[tok.i - 1].text != "," and doc[tok.i - 1].dep_ != "cc":
                    continue  # "X, 82 percent of whom view Y unfavorably according to the poll, have": the aside's (not "But according to")
                clause = subtree(head) if head.i != tok.i else toks
                rest = [t for t in clause if t.i not in phrase and s0 <= t.idx < s1
                        and not (t.dep_ == "mark" and t.head.i == head.i and t.i < tok.i)]  # "because, according to X, ..."
                while rest and rest[0].is_punct:
                    rest = rest[1:]
                if not rest:
                    continue
                source, mention = display_source(analysis, src_toks, recent)
                ctext_span = span_of(rest)
                kind = "estimate" if (tok.lower_ == "by" or lexicons().hedge_pattern().search(text[slice(*ctext_span)])) else "statement"
                whole = span_of(rest + list(tok.subtree))
                if tok.lower_ == "to":  # "To many, X is Y": their view, written as it stands
                    sent_frames.append(Frame(si, tok.text, "to", "opinion", source, mention, None, ctext_span, whole, cue_i=tok.i))
                    continue
                frame = Frame(si, "according to", "according", kind, source, mention, None, ctext_span, whole, cue_i=tok.i)
                pa, pb = span_of(list(tok.subtree))
                if ctext_span[0] < pa and pb < ctext_span[1]:
                    # the phrase inside what it reports ("X rose 19.9 percent, according to Y, more than
                    # ..."): taken out of the rendering with its commas
                    while pa > ctext_span[0] and text[pa - 1] in " ,":
                        pa -= 1
                    while pb < ctext_span[1] and text[pb] in " ,":
                        pb += 1
                    frame.edits = ((pa, pb, ", " if "," in text[pa:pb] else " "),)  # ("X's rating in the poll stands": no commas)
                sent_frames.append(frame)
                continue
            hung, described = report_hung_on_speaker(tok, toks, s_last), fronted_description(tok)
            if not (is_cue(tok) or hung is not None or described is not None or tok.lemma_.lower() in lexicons().cue_kind and is_trailing_report(tok)) or analysis.in_quote(
                    tok.idx, tok.idx + len(tok.text)) and not quote_opens_at(analysis, tok):
                # ("..., Jane Roe, the commander, announced Monday.": a report at the end needs no object)
                continue  # a cue inside a quotation is part of what the speaker said
            if not_done(tok) or unasserted(tok) or not_reported(tok):
                continue  # "declined to threaten Moscow", "hard to know where donors will decide to": no one did
            if hung is None and (reduced_passive(tok) and tok.lower_ not in ADJECTIVE_CUES or tok.dep_ == "xcomp" and reduced_passive(tok.head)):
                continue  # "when asked to condemn X", "X, asked about Y, said": the one asked, not the one asking
            if any(t.i < tok.i and t.lower_ in ("what", "whatever") and t.tag_ in ("WP", "WDT") and (
                    t.head.i == tok.i and t.dep_ == "dobj" or t.head.dep_ == "xcomp" and t.head.head.i == tok.i
                    or t.dep_ == "pobj" and t.head.head.i == tok.i) for t in tok.subtree):  # (and "what they referred to as X")
                continue  # "what many people believed to be a killer": a thing, not a claim
            subj, passive = subject_of(tok)
            if described is not None:
                subj, passive = None, True  # "Described by X as Y, the bill ...": X describes the bill
            if misread_subject(tok, subj, passive):
                continue  # "All told, ...", "them falter - believes", "X praises, laments Y's legacy"
            if hung is not None:
                subj, passive = hung[0], False  # "..., Gen. X, the commander, announced Monday."
            named = conjoined_name_subject(tok) if subj is not None and subj.head.i != tok.i else None
            if named is not None:
                subj, passive = named, False  # "... won a county and Okafor suggested"
            if aside(tok) and tok.dep_ == "advcl" and subj is not None and subj.head.i != tok.i and not any(
                    c.dep_ == "agent" for c in tok.children):
                continue  # "Hawaii, as one of the advisers pointed out, ...": never the clause's subject
            if aside(tok) and any(c.dep_ == "agent" for c in tok.children):
                subj, passive = None, True  # "As reported by X, ...": the agent speaks, not the clause's subject
            if passive and subj is not None and tok.lower_ in ADJECTIVE_CUES:
                passive = False  # "not everyone is convinced that": a state of mind, not a passive report
            named_after, modified = None, None
            if subj is None and not passive and tok.dep_ == "xcomp" and tok.head.dep_ == "ROOT":
                subj = stranded_subject(tok.head)  # "In an interview with X - conducted ... - Y continued to assert"
            if subj is None and not passive and tok.dep_ == "ROOT":
                subj = stranded_subject(tok)
                modified = None if subj is not None else participle_subject(tok)
                if modified is not None:  # "activists clamoring to block him say": all of them, modifier and all
                    subj, named_after = modified, [t for t in doc[min(x.i for x in modified.subtree):tok.i if doc[modified.i + 1].text != "," else modified.i + 1] if not t.is_space]
                else:
                    named_after = inverted_subject(tok, s_last) if subj is None and tok.lemma_.lower() in lexicons().cue_kind else None
                if named_after and modified is None:
                    subj = next(t for t in reversed(named_after) if t.ent_type_ in ("PERSON", "ORG"))
            stance = tok.lemma_.lower() in STANCE_CUES or tok.lemma_.lower() == "seek" and any(c.dep_ == "dobj" for c in tok.children)
            holder = subj
            if stance and passive:  # "backed by research", "Texas was called for Cruz": the agent takes the side, if anyone
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                holder = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            prev = next((t for t in reversed(doc[max(0, tok.i - 3):tok.i]) if not t.is_quote), None)
            noun_participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and prev is not None and prev.pos_ in ("NOUN", "PROPN")
            # ("gave checks to super PACs backing four candidates": a participle right after a noun
            # describes the noun, whatever the parser hung it on; not the sentence subject's side)
            if stance and (tok.dep_ == "acl" or noun_participle) and tok.tag_ in ("VBG", "VBN") and lexicons().cue_kind.get(tok.lemma_.lower()) != "statement":
                continue  # "the super PAC supporting her candidacy": the article's description of it, no stance it stated
            if stance and (holder is None or not animate(holder)) and not any(c.dep_ == "ccomp" for c in tok.children):
                continue  # "the bill supports farmers": no one takes a side ("specialists stress that ..." do say;
                # "courses sought bankruptcy protection" wants nothing, "the bill seeks to ..." does)
            if hung is not None:
                content_toks, back = hung[1], False
            elif said_of_claim_noun(tok):
                content_toks, back = [tok.head], True  # "an allegation X have refuted"
            elif answer_to(tok) is not None:  # "Asked if he was bullied, the candidate said no": all of it
                content_toks, back = [t for t in toks if not t.is_space], False
            else:
                content_toks, back = content_of(tok, subj, passive)
                if named_after and named_after[0].i > tok.i:  # ('"Is X ...?" asked Mr. Z, referring to Y': the speaker and his aside are not what he asked)
                    content_toks = [t for t in content_toks if t.i < tok.i]
            if not content_toks and not passive:
                content_toks = parenthetical_cue(tok) or title_case_rest(tok, toks) or fronted_fragment(tok)  # ("X Says Plan Would Fail")
            quote_content = None
            if tok.lemma_.lower() in QUOTE_CUES:
                # '"A," he said, "B."': one quotation broken by its cue is all the speaker's
                own = {t.i for t in tok.subtree}
                # (the first part opens the sentence or follows a dash: 'Remarking on his "genuine
                # empathy," X said, "..."' quotes two words inside the article's own phrase)
                left = [q for q in analysis.quotes if s0 <= q[0] and text[s0:q[0]].rstrip()[-1:] in ("", "-", "\u2014", "\u2013", ":", ";")
                        and q[1] <= tok.idx and all(
                    t.i in own or t.is_punct or t.is_space for t in tokens_in(doc, q[1], tok.idx))]
                # (the second part may run on past this sentence: '"A," he said, "B. C."' -> A and B
                # here, C a sentence of its own)
                right = [q for q in analysis.quotes if tok.idx < q[0] < s1
                         and text[s0:q[0]].rstrip().endswith((",", ":")) and all(  # (not after "adding later,": two quotations)
                    (t.i in own or t.is_punct or t.is_space) and not (t.pos_ == "VERB" and t.lemma_.lower() in QUOTE_CUES) for t in tokens_in(doc, tok.idx + 1, q[0]))]
                if left and right:
                    end = inner_quote(text, *right[0])[1]
                    if right[0][1] > s1 + 2:
                        end = s0 + len(text[s0:s1].rstrip())
                    quote_content = (inner_quote(text, *left[-1])[0], end)
            opened = colon_quote(tok)
            if quote_content is None and opened is not None:
                q = next(((a, b) for a, b in analysis.quotes if a == opened), None)
                if q is not None and q[1] <= s1 + 2:
                    quote_content = q  # 'X shot back: "..."'
            if quote_content is None and tok.lemma_.lower() in QUOTE_CUES and content_toks:
                quote_content = quote_before_cue(analysis, tok, subj, content_toks, s0)
            if (quote_content is None and not content_toks and tok.lemma_.lower() in QUOTE_CUES and subj is not None
                    and subj.i > tok.i and tok.i > s_first and doc[tok.i - 1].text == ","
                    and max(t.i for t in tok.subtree) >= s_last):
                # "The plant is hanging on, but it is under pressure, said the chief executive, X.":
                # a trailing, inverted cue reports all that comes before it
                content_toks = [t for t in toks if t.i < tok.i - 1 and not t.is_space]
            if quote_content is None and subj is not None and not passive:
                tail = trailing_report(tok, subj, toks, s_last)
                if tail:
                    content_toks = tail
                elif content_toks:
                    content_toks = content_toks + continued_report(tok, content_toks)
            if quote_content is None and not content_toks and any(c.lower_ in ("otherwise", "so") and c.dep_ == "advmod" for c in tok.children):
                continue  # "24 percent who said otherwise", "if he says so": what they said is said elsewhere
            if quote_content is None and not content_toks and tok.lemma_.lower() in QUOTE_CUES:
                q = [(a, b) for a, b in analysis.quotes if s0 <= a < s1 and not in_subject(subj, tok, a)]
                if not q:  # '"We will win." Berg wrote.': the quote is the sentence before
                    # ('She went on to say:' leads into the quotation after it)
                    q = quote_after_colon(analysis, si) if any(t.text == ":" and t.i > tok.i for t in toks) else quote_before(analysis, si)
                    if not q:
                        continue
                    frames[:] = [f for f in frames if not (f.sent == si - 1 and not f.cue)]
                quote_content = q[0]
            if quote_content is None and not content_toks and tok.lemma_.lower() in ASSENT_CUES and subj is not None and tok.dep_ == "ROOT" and all(
                    t.is_punct or t.is_space or t.dep_ == "advmod" and t.head.i == tok.i for t in toks if t.i > tok.i):
                q = quote_after_colon(analysis, si)  # 'X agreed. "..."': the quotation that follows, in the paragraph, says how
                if q and "\n" not in text[tok.idx:q[0][0]]:
                    quote_content = q[0]
            if subj is not None and text[s0:s1].rstrip().endswith("?") and any(c.dep_ == "aux" and c.i < subj.i for c in tok.children) \
                    and not analysis.in_quote(tok.idx, tok.idx + 1):
                continue  # "But has he called for changing X?": asked, not asserted
            if subj is not None and (subj.lower_ in RELATIVE and not subj.ent_type_ or subj.lower_ in ("you", "'s", "\u2019s")
                                     or subj.lower_ == "one" and not any(subj.children)):
                continue  # ("you want to get back to ...", "one might think", "let's hope": the reader, no one who spoke)
            if (tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "xcomp" for c in tok.children)
                    and not any(c.dep_ == "ccomp" for c in tok.children)
                    and _own_subject(tok)):
                continue  # "the target it pledged to reach": the noun is the infinitive's object, which no rendering restores
            if (tok.dep_ == "relcl" and quote_content is None and not values_at(tok) and not back and hung is None
                    and _own_subject(tok) and not is_trailing_report(tok)
                    and not any(c.dep_ in ("ccomp", "parataxis", "oprd") or c.dep_ == "dobj" and c.lower_ not in RELATIVE
                                or c.dep_ == "prep" and c.lower_ == "as" or c.lower_ in ("when", "where", "why")
                                for c in tok.children)):
                continue  # "anything the senator said on stage": the noun is what was said, in the
                # article's words ("which X described as Y" is X's description)
            if (any(c.dep_ == "neg" for c in tok.children) and tok.lemma_.lower() not in MENTAL_CUES
                    and lexicons().cue_kind.get(tok.lemma_.lower()) == "statement"):
                continue  # "groups that don't disclose their fundraising", "would not comment": nothing asserted
            among = one_of_those(tok.head) if tok.dep_ == "relcl" else None  # "X is among those who say"
            if tok.dep_ == "relcl" and tok.lemma_.lower() in MENTAL_CUES and among is None and not _own_subject(tok) and not (
                    (tok.head.ent_type_ == "PERSON" or any(c.lower_ == "who" for c in tok.children)) and any(c.dep_ == "ccomp" for c in tok.children)):
                continue  # "its backers, who seek to drag the region into war": the article's word on them
                # ("a deal that analysts believe serves ..." is the analysts'; "Clinton, who believes that
                # X": her belief)
            if subj is not None and tok.dep_ == "relcl" and subj.i == tok.head.i and not (
                    animate(subj) or subj.pos_ == "NOUN" and tok.lemma_.lower() in MENTAL_CUES and any(c.dep_ == "ccomp" for c in tok.children) and any(c.lower_ == "who" for c in tok.children) or is_document(subj) and tok.lemma_.lower() in DOCUMENT_CUES | {"say", "state", "claim", "allege", "note", "warn"}
                    or tok.lemma_.lower() in QUOTE_CUES and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in tok.children)):
                # "18% who say": people who speak; "sponsors, who seek to ..." is the article's word on them, not theirs
                continue  # "the law, which has called for": no one speaks; "critics who say", "records that show" do
            if subj is None and not passive:
                continue  # (an allegation refuted by ... without a named source: rare, skipped)
            joined = modified is not None
            if passive:
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):  # "expected by next week": when, not who
                    source, mention = display_source(analysis, source_tokens(pobj), recent)
                else:
                    kind0 = lexicons().cue_kind.get(tok.lemma_.lower())
                    source = "unnamed accusers" if kind0 == "allegation" else "unnamed sources"
                    mention = None
                subj_span = None
            else:
                src_toks = named_after or source_tokens(subj)
                head = tok.head
                if (tok.dep_ == "conj" and subj.head.i == head.i and subj.i < head.i < tok.i and head.tag_ in ("VBD", "VBN")
                        and not any(c.dep_ in ("cc", "dobj", "ccomp", "xcomp", "nsubjpass", "advcl") for c in head.children)
                        and not any(t.pos_ in ("VERB", "AUX", "CCONJ") or t.text in (",", ";") for t in doc[head.i + 1:tok.i])):
                    # "Research conducted for the center showed that ...": the participle read as a
                    # verb of its own; the subject is all of the noun phrase before the cue
                    src_toks = [t for t in doc[min(x.i for x in subj.subtree):tok.i]]
                    while src_toks and src_toks[-1].is_punct:
                        src_toks.pop()
                    joined = True  # so the subject is written into the claim
                if among is not None and subj.i == among.i:
                    joined = True  # "X, a voter, is among those who say ...": written as it stands
                source, mention = display_source(analysis, src_toks, recent)
                if mention is not None and subj.lower_ in ("he", "she", "they") and subj.head.i != tok.i and any(
                        g.mention is mention and g.content[0] <= subj.idx < g.content[1] for g in sent_frames):
                    continue  # "X suggested she would do Y and support Z": part of what X suggested, no report of its own
                subj_span = span_of(src_toks)
            if quote_content is not None:
                content = quote_content
            elif content_toks:
                content = span_of(content_toks)
                semi = next((t for t in toks if tok.idx < t.idx and content[0] < t.idx < content[1] and t.text == ";"
                             and not analysis.in_quote(t.idx, t.idx + 1)), None)
                if semi is not None:  # "X has indicated that ...; the department has indicated ...": X's ends there
                    content = (content[0], len(text[:semi.idx].rstrip()))
                quoted = next((q for q in analysis.quotes if tok.idx < q[0] < content[1] < q[1] <= s1 + 2
                               and (text[min(content[0], q[0]):max(content[0], q[0])].strip(" ,:").lower() in ("", "that")
                                    or content[0] < q[0] and q[1] >= s1 - 1)), None)  # (or one that ends the sentence)
                if quoted is not None:
                    # 'acknowledged that "just as X, we know Y."': a quotation opened where the content
                    # starts runs to its closing mark, whatever the parser made of its second half
                    content = (content[0], inner_quote(text, *quoted)[1])
                shown = next((q for q in analysis.quotes if q[1] <= s1 + 2 and text[content[1]:q[0]].strip() == ":"), None)
                if shown is not None:  # 'posts things like this: "..."': what the colon opens is what was posted
                    content = (content[0], inner_quote(text, *shown)[1])
            else:
                continue
            if mention is not None and subj is not None and subj.lower_ in ("he", "she") and quote_content is not None and named_in_quote(
                    analysis, mention, *content):
                source, mention = subj.lower_, None  # '"Everybody is laughing at Jeb Bush," he tweeted': not Bush
            raised = False
            if said_of_claim_noun(tok):
                back = True
                span = span_of([t for t in tok.head.subtree if t.i >= tok.head.i or t.dep_ == "det"])
                span = (min(span[0], tok.head.idx), span[1])
            else:
                pieces = [content, (tok.idx, tok.idx + len(tok.text))]
                # its auxiliaries and negation: "who had not endorsed" must not become "endorsed"
                pieces += [(c.idx, c.idx + len(c.text)) for c in tok.children
                           if c.dep_ in ("aux", "auxpass", "neg") and c.i < tok.i and c.tag_ != "TO"]
                if (tok.pos_ == "ADJ" or tok.lower_ in ADJECTIVE_CUES) and tok.dep_ in ("acomp", "oprd") and tok.head.i < tok.i:  # ("and are not confident that": the copula's too)
                    pieces += [(c.idx, c.idx + len(c.text)) for c in (tok.head, *tok.head.children) if c.i == tok.head.i or c.dep_ in ("aux", "neg") and c.i < tok.i]
                if content[1] <= tok.idx:  # '"...," a source told Fox News.': the addressee too (not ", adding that ...")
                    own = {x.i for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and is_cue(c) for x in c.subtree}
                    pieces.append(span_of([t for t in tok.subtree if t.i >= tok.i and t.i not in own]))
                if tok.dep_ == "advcl" and aside(tok):
                    pieces += [(m.idx, m.idx + len(m.text)) for m in tok.children if m.dep_ == "mark"]  # "As X noted, ..."
                raised = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("seem", "appear") and subj is not None and (
                    subj.head.i == tok.head.i)
                if raised:  # "a review seems to show that ...": the hedge stays with what it hedges
                    pieces += [(t.idx, t.idx + len(t.text)) for t in (tok.head, *tok.children) if t.i <= tok.i and (
                        t.i == tok.head.i or t.tag_ == "TO")]
                if subj_span and subj is not None and (subj.head.i == tok.i or (tok.pos_ == "ADJ" or tok.lower_ in ADJECTIVE_CUES) and subj.head.i == tok.head.i
                                                       or joined or raised):
                    pieces.append(subj_span)  # "X was critical of": the subject of "was" too
                else:
                    subj_span = None
                span = (min(p[0] for p in pieces), max(p[1] for p in pieces))
            closing = re.match(r"[.,!?]*[\u201d\"]|''", text[span[1]:])
            if closing and content[1] == span[1]:
                span = (span[0], span[1] + closing.end())  # the evidence keeps the quotation's closing mark
            frame = Frame(si, tok.text, tok.lemma_.lower(), cue_kind(tok, text[content[0]:content[1]]), source, mention,
                          subj_span, content, span, back_ref=back, cue_i=tok.i)
            if described is not None:
                frame.edits = (description_edit(tok, described),)
            if raised and frame.kind == "statement":
                frame.kind = "estimate"  # what it seems to show, a hedged finding
            if (tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ in ("VBZ", "VBP", "VBD")) and hung is None and not back and not relative_content(frame, tok, list(tok.subtree), quoted=quote_content is not None):
                continue
            if subj is not None and (tok.head.dep_ == "advmod" and tok.head.pos_ == "ADV" or first_to(tok) is not None) and subj.i < tok.i and frame.cover is None:
                frame.cover = (min(frame.span[0], subj.idx), frame.span[1])  # "X went so far as to say ...", "X was the first to report": all of it the frame's
            if frame.cover is None and (opened := opened_by(tok)) is not None:
                frame.cover = (min(opened, frame.span[0]), frame.span[1])  # "... and began by saying X": all of it X's report
            lead = [t for c in tok.children if c.i < tok.i and c.dep_ in ("npadvmod", "advmod", "prep")
                    and (subj is None or c.i < subj.i) for t in c.subtree]
            if lead and frame.cover is None and min(t.idx for t in lead) < frame.span[0]:
                # "..., and today, AAA pegged the price at ...": the frame's own time or place
                # phrase is not left behind in the article's sentence ("had risen and today.")
                frame.cover = (min(t.idx for t in lead), frame.span[1])
            if passive:
                frame.kind = lexicons().cue_kind.get(tok.lemma_.lower(), "statement")
                if frame.kind == "statement" and source == "unnamed sources":
                    frame.kind = "allegation" if tok.lemma_.lower() in ("report", "say", "claim") else "statement"
            if quote_content is not None and quote_content[0] >= s1 and tok.lemma_.lower() in ASSENT_CUES:  # 'X agreed. "A. B."': the quotation's, X's
                frame = dataclasses.replace(frame, sent=analysis.sentence_of(quote_content[0]), cue="", cue_lemma="", subj=None, span=quote_content,
                                            cover=None, kind="estimate" if frame.kind == "estimate" else "statement")
            sent_frames.append(frame)
            if mention is not None:  # "Trump said X, although he ...": the last to speak is Trump
                recent.append(mention)
        for br in [f for f in sent_frames if f.back_ref]:
            for f in sent_frames:
                if f is not br and f.span[0] < br.span[0] < f.span[1]:
                    end = br.span[0]
                    while end > f.span[0] and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
                        end -= 1
                    f.span = (f.span[0], end)
                    f.content = (f.content[0], min(f.content[1], end))
        sent_frames = merge_nested(sent_frames, analysis.doc)
        if si == 0 and sent_frames and (said := headline_speaker(analysis, si, recent)) is not None:
            sent_frames = [said]  # ("Gingrich: Trump Must Decide If ...": the headline's speaker says all of it)
        for fallback in (lambda: noun_read_frame(analysis, si, toks, s_last, recent), lambda: headline_speaker(analysis, si, recent),
                         lambda: colon_quotation(analysis, si, recent), lambda: quote_continuation(analysis, si, frames),
                         lambda: hearsay_frame(analysis.in_quote, si, toks), lambda: colon_continuation(analysis, si, frames)):
            if not sent_frames and (found := fallback()) is not None:
                sent_frames.append(found)  # (a sentence without frames: the first of these to find one)
        sent_frames += noun_frames(analysis, si, toks, sent_frames, recent)  # "the senator's claim that ..."
        for f in sent_frames:
            if f.mention is not None and f.mention not in recent:
                recent.append(f.mention)
            negated_answer(analysis, f, frames)
        frames.extend(sent_frames)
    return multi_sentence_quotes(analysis, frames)


def _own_subject(cue: Any) -> bool:
    """Whether the cue has a subject of its own, not a relative word ("the target it pledged",
    "the office said"; not "critics who say")."""
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in cue.children)


def _speaks(cue: Any) -> bool:
    """A verb of saying with a subject of its own ("the office said")."""
    return cue.lemma_.lower() in QUOTE_CUES and _own_subject(cue)
