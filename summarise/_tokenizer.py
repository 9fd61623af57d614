"""What the English tokenizer is told about news text before it runs: a quotation mark glued to
the next word, and the abbreviated titles of news style."""

from __future__ import annotations

from typing import Any

__all__ = ["adjust_tokenizer"]


def adjust_tokenizer(pipe: Any) -> None:
    """Both adjustments, on the loaded pipeline's tokenizer."""
    _split_glued_quotes(pipe)
    _title_abbreviations(pipe)


# Abbreviated titles of news style the English tokenizer splits from their full stop ("Capt ." "Lt ."),
# which then ends a sentence inside a name ("said Army Capt. | Christian Pardo").
_TITLE_ABBREVIATIONS = ("Capt.", "Lt.", "Col.", "Sgt.", "Maj.", "Cmdr.", "Cpl.", "Pvt.", "Spc.", "Brig.", "Adm.", "Supt.",
                        "Det.", "Insp.", "Ofc.", "Atty.", "Dist.", "Asst.", "Msgr.", "Amb.", "Ald.", "Pres.", "Treas.", "Hon.")


def _title_abbreviations(pipe: Any) -> None:
    from spacy.symbols import ORTH

    for title in _TITLE_ABBREVIATIONS:
        pipe.tokenizer.add_special_case(title, [{ORTH: title}])


def _split_glued_quotes(pipe: Any) -> None:
    """A quotation mark written against the next word ('... and paranoia,\u201dClinton said', a
    space lost in the page) is a token of its own, so that the name after it is a word."""
    from spacy.util import compile_infix_regex

    infixes = list(pipe.Defaults.infixes) + [r"(?<=[\w.,!?])[\u201c\u201d\"](?=[A-Za-z])"]
    pipe.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
