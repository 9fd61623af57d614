"""Page furniture that is not the article's content: bylines, credits, captions, calls to action.

A byline ("By Aoife Brennan", a bare name on the first line), a credit ("Reporting by …;
Editing by …"), a photo caption or credit, "Read more: …", a newsletter or subscription prompt,
share/follow prompts, "Advertisement" and copyright lines are not sources and not claims. The
pipeline blanks them before the analysis, so a byline never becomes the speaker of the lead.
(Headlines and datelines are the layout module's.)

    >>> [t for _, _, t in find_boilerplate("By Aoife Brennan\\nThe council voted 5-2.\\nRead more: Budget row")]
    ['byline', 'call to action']
"""

from __future__ import annotations

import re

__all__ = ["find_boilerplate"]

_NAME = r"(?:[A-Z][\w'’.-]+(?:\s+(?:van|von|de|da|del|der|di|le|la|bin|al|O'|Mc)?\s*[A-Z][\w'’.-]+){1,3})"
_ROLE_WORDS = (r"(?:correspondent|reporter|editor|writer|journalist|staff|contributor|columnist|bureau|chief|"
               r"desk|producer|analyst|news|press|agency|associated|reuters|afp|ap)")
_DATE_LINE = r"(?:\s*[|,•·–—-]\s*[\w ,:.'’/-]{0,60})?"

_LINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^\s*(?i:by|written by|words by|story by|text by)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
                rf"(?:\s*[,|•·–—-]\s*[\w ,.'’/&-]{{0,60}})?\s*$"), "byline"),
    (re.compile(r"^\s*\(?\s*(?:additional\s+)?(?:reporting|writing|editing|research|graphics|production|contributing)\s+(?:by|from)\b.*$", re.I),
     "credit line"),
    (re.compile(r"^\s*\(?\s*(?:photo|photograph|picture|image|video|illustration|graphic|main image|top image|header image)"
                r"(?:\s+(?:credit|caption))?\s*(?::|by\b|credit\b|courtesy\b|[-–—])[^\n]{0,300}$", re.I), "photo caption or credit"),
    (re.compile(r"^\s*(?:image|photo|picture) (?:source|caption|copyright)\b.*$", re.I), "photo caption or credit"),
    (re.compile(r"^[^\n]{0,200}\(\s*(?:photo|image|picture|credit)\s*(?::|by)\s*[^)\n]{1,80}\)\s*$", re.I), "photo caption or credit"),
    (re.compile(r"^[^\n]{0,200}\b(?:Getty Images|Shutterstock|AFP via Getty|Reuters/[A-Z][\w ]+|AP Photo(?:/[\w .]+)?|"
                r"EPA-EFE|Alamy)\s*\)?\s*$", re.I), "photo caption or credit"),
    (re.compile(r"^\s*(?:read more|read next|more on this story|related(?: stories| articles| coverage)?|see also|"
                r"also read|recommended|most read|watch|listen|more from)\s*[:>»|-]", re.I), "call to action"),
    (re.compile(r"^\s*(?:read more|continue reading|click here|tap here|see more|show more|load more|view comments?|"
                r"share this(?: article| story)?|share on \w+|print this (?:article|page)|advertisement|advert|ad|sponsored"
                r"(?: content)?|skip advert|story continues below(?: advertisement)?|article continues (?:below|after advertisement))"
                r"\s*[.:!»>]?\s*$", re.I), "call to action"),
    (re.compile(r"^\s*(?:(?:want|for|get|read) more\b[^.?!\n]{0,60}[.?!,]?\s*|to (?:get|receive)\b[^.?!\n]{0,60},\s*)?(?:please\s+)?"
                r"(?:sign up|subscribe|register|join|get)\b[^\n]{0,120}\b(?:newsletter|inbox|briefing|digest|alerts|our emails?|"
                r"subscription|free trial|unlimited access)\b[^\n]{0,120}$", re.I), "newsletter prompt"),
    (re.compile(r"^[^\n]{0,60}\b(?:newsletter|our (?:daily|weekly|morning|evening) (?:email|briefing))\b[^\n]{0,80}"
                r"(?:sign up|subscribe|delivered|inbox)[^\n]{0,120}$", re.I), "newsletter prompt"),
    (re.compile(r"^\s*(?:follow|like) (?:us|@?\w+) on (?:twitter|x|facebook|instagram|tiktok|threads|linkedin|bluesky)\b.*$", re.I),
     "call to action"),
    (re.compile(r"^\s*(?:©|\(c\)|copyright\b)\s*(?:\d{4}\b)?.{0,150}$", re.I), "copyright line"),
    (re.compile(r"^\s*all rights reserved\.?\s*$", re.I), "copyright line"),
    (re.compile(r"^\s*(?:published|updated|last updated|posted|first published)(?:\s+on)?\s*[:]?\s*[\w ,:.'/+-]{3,60}$", re.I),
     "publication date line"),
]
# A bare name (with an optional role) alone on one of the first lines, above the text.
_BARE_BYLINE = re.compile(rf"^\s*{_NAME}(?:\s*(?:,|\||and|&)\s*(?:{_NAME}|(?:[\w'’ ]{{0,40}}\b{_ROLE_WORDS}\b[\w'’ ]{{0,30}})))*"
                          rf"{_DATE_LINE}\s*$", re.I)
_NAME_ONLY = re.compile(rf"^\s*{_NAME}\s*(?:,|\||[-–—])?\s*[\w'’ ]{{0,40}}\s*$")


def _lines(text: str) -> list[tuple[int, int]]:
    out, a = [], 0
    for m in re.finditer(r"\n", text):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, len(text)))
    return out


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` of each line of page furniture in ``text``."""
    found: list[tuple[int, int, str]] = []
    lines = [(a, b) for a, b in _lines(text) if text[a:b].strip()]
    for k, (a, b) in enumerate(lines):
        line = text[a:b]
        if len(line) > 400:
            continue
        for pattern, kind in _LINE_RULES:
            if pattern.search(line):
                found.append((a, b, kind))
                break
        else:
            # a name line at the top, with no sentence punctuation, above a longer paragraph
            if k < 3 and len(line.split()) <= 12 and not re.search(r"[.!?:;\"“”]\s*$", line.strip()) and \
                    k + 1 < len(lines) and len(text[slice(*lines[k + 1])].split()) > len(line.split()) and \
                    not re.search(r"\b(?:is|are|was|were|has|have|had|will|would|said|says)\b", line) and \
                    (_BARE_BYLINE.match(line) and re.search(rf"\b{_ROLE_WORDS}\b", line, re.I) or _name_line(line)):
                found.append((a, b, "byline"))
    return found


def _name_line(line: str) -> bool:
    """Two to four capitalised words and nothing else: a name, not a headline."""
    words = line.strip().split()
    return 2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w'’.-]*", w) for w in words) and bool(_NAME_ONLY.match(line))
