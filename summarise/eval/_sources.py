"""Deciding whether two ways of naming a source name the same one.

The rule (used by ``attribution_accuracy`` and ``attribution_kept``):

1. Lower-case; drop possessive ``'s``; drop locative phrases (``Embassy in Pyongyang`` names the
   embassy, not Pyongyang).
2. Replace general aliases by one token per country: capitals and demonyms
   (``Seoul`` / ``South Korean`` -> ``south_korea``, ``Moscow`` / ``Russian`` -> ``russia``,
   ``the Ukrainians`` -> ``ukraine``). The table is general knowledge, not tuned to any article.
3. Split into word tokens and drop function words, pronouns and generic organisation words
   (``government``, ``ministry``, ``officials``...); for ``attribution_accuracy`` also titles and
   roles (``minister``, ``spokesman``, ``Mr``...), so that a name with or without its role agrees.
4. Two sources agree when the tokens they share are more than half of the smaller set
   (overlap coefficient > 0.5). ``the article`` agrees only with ``the article``. A country's
   name and its demonym agree by their form where the table does not list them (``Ruritania``,
   ``Ruritanian``: the name with ``-n``, ``-an``, ``-ian``, ``-ese``, ``-i`` or ``-ish``).
5. A locative phrase is dropped only where something else identifies the source
   (``officials in Kavira district`` are Kavira district's officials).
6. Two people named before a comma agree when the names agree (``Councillor Jo Hale, Labour``
   and ``Jo Hale, chair of the committee``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from .._types import ARTICLE_SOURCE as ARTICLE

__all__ = ["ARTICLE", "ENTITY_LABELS", "canonical", "entity_supported", "names_source", "source_tokens", "sources_match"]


# country token -> names, demonyms and capital (general knowledge; extend freely).
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "afghanistan": ("afghanistan", "afghan", "afghans", "kabul"),
    "argentina": ("argentina", "argentine", "argentinian", "argentinians", "buenos aires"),
    "armenia": ("armenia", "armenian", "armenians", "yerevan"),
    "australia": ("australia", "australian", "australians", "canberra"),
    "austria": ("austria", "austrian", "austrians", "vienna"),
    "azerbaijan": ("azerbaijan", "azerbaijani", "azerbaijanis", "baku"),
    "belarus": ("belarus", "belarusian", "belarusians", "minsk"),
    "belgium": ("belgium", "belgian", "belgians"),
    "brazil": ("brazil", "brazilian", "brazilians", "brasilia", "brasília"),
    "canada": ("canada", "canadian", "canadians", "ottawa"),
    "china": ("china", "chinese", "beijing", "people's republic of china", "prc"),
    "czechia": ("czechia", "czech republic", "czech", "czechs", "prague"),
    "denmark": ("denmark", "danish", "danes", "copenhagen"),
    "egypt": ("egypt", "egyptian", "egyptians", "cairo"),
    "estonia": ("estonia", "estonian", "estonians", "tallinn"),
    "ethiopia": ("ethiopia", "ethiopian", "ethiopians", "addis ababa"),
    "european_union": ("european union", "eu"),
    "finland": ("finland", "finnish", "finns", "helsinki"),
    "france": ("france", "french", "paris", "élysée", "elysee"),
    "georgia": ("georgia", "georgian", "georgians", "tbilisi"),
    "germany": ("germany", "german", "germans", "berlin"),
    "greece": ("greece", "greek", "greeks", "athens"),
    "hungary": ("hungary", "hungarian", "hungarians", "budapest"),
    "india": ("india", "indian", "indians", "new delhi", "delhi"),
    "indonesia": ("indonesia", "indonesian", "indonesians", "jakarta"),
    "iran": ("iran", "iranian", "iranians", "tehran"),
    "iraq": ("iraq", "iraqi", "iraqis", "baghdad"),
    "ireland": ("ireland", "irish", "dublin"),
    "israel": ("israel", "israeli", "israelis", "jerusalem"),
    "italy": ("italy", "italian", "italians", "rome"),
    "japan": ("japan", "japanese", "tokyo"),
    "kazakhstan": ("kazakhstan", "kazakh", "kazakhs", "astana"),
    "kenya": ("kenya", "kenyan", "kenyans", "nairobi"),
    "latvia": ("latvia", "latvian", "latvians", "riga"),
    "lebanon": ("lebanon", "lebanese", "beirut"),
    "lithuania": ("lithuania", "lithuanian", "lithuanians", "vilnius"),
    "mexico": ("mexico", "mexican", "mexicans", "mexico city"),
    "moldova": ("moldova", "moldovan", "moldovans", "chisinau"),
    "netherlands": ("netherlands", "dutch", "the hague", "amsterdam"),
    "nigeria": ("nigeria", "nigerian", "nigerians", "abuja"),
    "north_korea": (
        "north korea", "north korean", "north koreans", "pyongyang", "dprk",
        "democratic people's republic of korea",
    ),
    "norway": ("norway", "norwegian", "norwegians", "oslo"),
    "pakistan": ("pakistan", "pakistani", "pakistanis", "islamabad"),
    "palestine": ("palestine", "palestinian", "palestinians", "ramallah"),
    "poland": ("poland", "polish", "poles", "warsaw"),
    "portugal": ("portugal", "portuguese", "lisbon"),
    "romania": ("romania", "romanian", "romanians", "bucharest"),
    "russia": ("russia", "russian", "russians", "moscow", "kremlin", "russian federation"),
    "saudi_arabia": ("saudi arabia", "saudi", "saudis", "riyadh"),
    "serbia": ("serbia", "serbian", "serbians", "serbs", "belgrade"),
    "south_africa": ("south africa", "south african", "south africans", "pretoria"),
    "south_korea": ("south korea", "south korean", "south koreans", "seoul", "republic of korea"),
    "spain": ("spain", "spanish", "spaniards", "madrid"),
    "sweden": ("sweden", "swedish", "swedes", "stockholm"),
    "switzerland": ("switzerland", "swiss", "bern"),
    "syria": ("syria", "syrian", "syrians", "damascus"),
    "taiwan": ("taiwan", "taiwanese", "taipei"),
    "turkey": ("turkey", "türkiye", "turkish", "turks", "ankara"),
    "ukraine": ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"),
    "united_kingdom": (
        "united kingdom", "uk", "britain", "great britain", "british", "britons", "london",
        "downing street", "whitehall",
    ),
    "united_states": (
        "united states", "united states of america", "usa", "america", "american", "americans",
        "washington", "white house",
    ),
    "venezuela": ("venezuela", "venezuelan", "venezuelans", "caracas"),
    "vietnam": ("vietnam", "vietnamese", "hanoi"),
}

_STOP = frozenset(
    "the a an of and or both its their his her he she they it we i you them him this that these "
    "those to for on by with from as at who which s".split()
)
# Words that name a kind of body, not which one: two sources sharing only these differ.
_GENERIC = frozenset(
    "government governments ministry ministries department office authorities authority "
    "administration officials official agency embassy spokesman spokeswoman spokesperson "
    "spokespeople representatives representative people group members member sources source "
    "national federal state republic".split()
)
_ROLES = frozenset(
    "mr mrs ms dr sir dame prof professor president vice prime minister ministers secretary "
    "deputy chief head director senior former acting defence defense foreign interior finance "
    "general sen senator rep gov governor mayor chairman chairwoman chair ceo leader commander "
    "adviser advisor ambassador economist analyst expert researcher lawyer judge independent "
    "spokesman spokeswoman spokesperson councillor councilor commissioner inspector superintendent "
    "sheriff attorney economists analysts experts researchers lawyers advisers advisors".split()
)


@lru_cache(maxsize=1)
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {name: token for token, names in _COUNTRIES.items() for name in names}
    names = sorted(table, key=len, reverse=True)  # longest first: "south korean" before "korea"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    return pattern, table


def canonical(text: str) -> str:
    """Lower-cased, with every country alias replaced by its one token and possessive ``'s`` dropped.

    >>> canonical("Seoul's envoy met the U.S. team")
    ' south_korea  envoy met the  united_states  team'
    """
    # "US"/"U.S." must be caught before lower-casing, or it collides with the pronoun "us".
    text = re.sub(r"(?<!\w)U\.?S\.?A?\.?(?!\w)", " united_states ", text)
    text = text.lower().replace("’", "'").replace("‘", "'")
    pattern, table = _alias_pattern()
    text = pattern.sub(lambda m: " " + table[m.group(0)] + " ", text)
    return re.sub(r"'s\b", "", text)


def source_tokens(source: str, *, drop_roles: bool = True) -> frozenset[str]:
    """The identifying tokens of a source name, after aliasing.

    >>> sorted(source_tokens("Shin Won-sik, the defense minister of South Korea"))
    ['shin', 'sik', 'south_korea', 'won']
    >>> sorted(source_tokens("Russian Embassy in Pyongyang"))
    ['russia']
    """
    text = canonical(source)
    drop = _STOP | _GENERIC | (_ROLES if drop_roles else frozenset())
    # A locative phrase says where a body sits, not who it is, unless nothing else does.
    without = frozenset(t for t in re.findall(r"[a-z0-9_]+", re.sub(r"\b(?:based in|in|at)\s+[^,;()]+", " ", text))
                        if t not in drop)
    return without or frozenset(t for t in re.findall(r"[a-z0-9_]+", text) if t not in drop)


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


def _same_token(a: str, b: str) -> bool:
    """The same word, or a place's name and its demonym by their form ("ruritania", "ruritanian")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short):] in _DEMONYM_ENDINGS


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    shared = sum(1 for x in a if any(_same_token(x, y) for y in b))
    return shared / min(len(a), len(b))


def _person_name(source: str) -> frozenset[str]:
    """The words of a person's name written before a comma ("Jo Hale, chair of ..."), roles dropped."""
    if "," not in source:
        return frozenset()
    return source_tokens(source.split(",")[0])


def _is_article(source: str) -> bool:
    return re.sub(r"[^a-z ]", "", source.lower()).strip() in {ARTICLE, "article"}


def sources_match(predicted: str, reference: str) -> bool:
    """Whether two source names name the same source (rule in the module docstring).

    >>> sources_match("Seoul", "South Korean government")
    True
    >>> sources_match("the Ukrainians", "Ukrainian officials")
    True
    >>> sources_match("both Moscow and Pyongyang", "Russia and North Korea")
    True
    >>> sources_match("Lithuanian Defence Ministry", "Belarusian Foreign Ministry")
    False
    >>> sources_match("he", "Shin Won-sik, South Korean defence minister")
    False
    >>> sources_match("the article", "Seoul"), sources_match("The article", "the article")
    (False, True)
    >>> sources_match("Ruritania's interior ministry", "Ruritanian interior ministry")
    True
    >>> sources_match("Officials in Kell district", "Kell district officials")
    True
    >>> sources_match("Councillor Jo Hale, Labour", "Jo Hale, chair of the planning committee")
    True
    >>> sources_match("Jo Hale, Labour", "Jo Marsh, Labour")
    False
    """
    if _is_article(predicted) or _is_article(reference):
        return _is_article(predicted) and _is_article(reference)
    a, b = source_tokens(predicted), source_tokens(reference)
    if not a or not b:  # e.g. "the government" vs "officials": compare with roles kept
        a, b = source_tokens(predicted, drop_roles=False), source_tokens(reference, drop_roles=False)
    if not a or not b:
        return False
    na, nb = _person_name(predicted), _person_name(reference)
    if len(na) >= 2 and len(nb) >= 2:  # two names: they decide, whatever the roles share
        return _overlap(na, nb) > 0.5
    return _overlap(a, b) > 0.5


def names_source(sentence: str, source: str) -> bool:
    """Whether ``sentence`` names ``source`` or a recognisable part of it (a name, a country
    by any alias, or a role such as "the minister").

    >>> names_source("South Korea's defence minister estimates three million shells.",
    ...              "Shin Won-sik, South Korean defence minister")
    True
    >>> names_source("Three million shells were shipped.", "Seoul")
    False
    """
    if _is_article(source):
        return True
    units = source_tokens(source, drop_roles=False)
    words = set(re.findall(r"[a-z0-9_]+", canonical(sentence)))
    return bool(units & words)


#: spaCy entity labels the faithfulness checks count as named entities (people, organisations,
#: places, nationalities, events, products, laws).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW"})
_ENTITY_STOPWORDS = frozenset({"the", "of", "and", "a", "an", "s", "in", "for", "on"})


def entity_supported(entity: str, article_lower: str, article_tokens: set[str] | frozenset[str]) -> bool:
    """Whether the article names ``entity``: as written (a leading "the" and a possessive aside),
    by an alias (Seoul -> south_korea), or word by word. ``article_lower``: the article lower-cased
    with curly apostrophes straightened; ``article_tokens``: the word tokens of its
    :func:`canonical` form.

    >>> article = "South Korea said North Korea shipped shells."
    >>> tokens = set(re.findall(r"[a-z0-9_]+", canonical(article)))
    >>> entity_supported("Seoul", article.lower(), tokens), entity_supported("China", article.lower(), tokens)
    (True, False)
    """
    norm = re.sub(r"^(the)\s+", "", entity.lower().replace("’", "'")).removesuffix("'s").strip()
    if norm and norm in article_lower:
        return True
    # Aliases count (Seoul -> south_korea), and so does every word being in the article.
    tokens = {t for t in re.findall(r"[a-z0-9_]+", canonical(entity)) if t not in _ENTITY_STOPWORDS}
    return bool(tokens) and tokens <= article_tokens
