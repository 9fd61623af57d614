"""The command's own process (``summarise FILE...`` and ``summarise batch``) imports spaCy
without what spaCy's import pulls in for nothing: torch, when the backend it will run does
without it, and spaCy's own command line.

``import spacy`` costs the command about 1.5 s of its 2-3 s cold start (``bench/README.md``),
two thirds of it for modules ``en_core_web_sm`` never uses:

- **torch** (about 1 s, 180 MB): spaCy imports thinc first thing, and ``thinc/compat.py`` does
  ``try: import torch`` at import time only to learn whether its PyTorch wrappers can work.
  torch is installed for ``--backend transformers``.
- **spaCy's command line** (about 0.15 s): ``spacy/__init__.py`` does ``from .cli.info import
  info`` (the ``spacy.info()`` function), which imports every ``spacy`` subcommand, and with
  them typer, weasel, httpx and jinja2.

The library does neither: in a user's process another library may want torch, thinc its
PyTorch wrappers, the user ``spacy.cli``. The ``summarise`` command's process is ours, so it
imports spaCy with those imports made to fail or stubbed, **for that one import only**:

- ``sys.modules["torch"] = None`` (Python's own way to make an import fail: thinc catches the
  ImportError) when the backend is one of :data:`TORCHLESS_BACKENDS`; and ``spacy.cli`` and
  ``spacy.cli.info`` as two stub modules whose ``info`` imports the real ``spacy.cli.info.info``
  when called. All three entries are removed from ``sys.modules`` right after ``import spacy``,
  in a ``finally``; nothing else runs meanwhile. After it, ``import torch`` and ``import
  spacy.cli`` anywhere in the process import the real modules as usual (a later ``--backend
  transformers`` in the same process works: ``tests/test_cli_cold.py``).
- What stays is what it is for: thinc's ``compat.has_torch`` is False for the rest of the
  process, so thinc's PyTorch wrappers (``PyTorchWrapper``, used by transformer-based spaCy
  pipelines, never by ``en_core_web_sm``) refuse to run there; thinc also reads ``has_torch``
  to seed torch in ``fix_random_seed`` (training only) and to pick a GPU. Parsing with
  ``en_core_web_sm`` runs on thinc's numpy ops either way, and the command's output is the same
  (``bench/README.md``). ``spacy.info`` is the stub's function, which calls the real one.
- Nothing is done when spaCy, thinc or torch is imported already (the choice was made).
"""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["TORCHLESS_BACKENDS", "import_spacy_lean"]

#: Backends that never import torch: the pipeline with no model (``None``), llama.cpp, a server.
TORCHLESS_BACKENDS = (None, "llamacpp", "openai")


def _info(*args: Any, **kwargs: Any) -> Any:
    """spaCy's ``spacy.info``: imports ``spacy.cli`` (the real one) when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy_lean(*, hide_torch: bool) -> bool:
    """Import spaCy without its command line and, with ``hide_torch``, without torch, those
    imports failing or stubbed for the duration of ``import spacy`` only. True when it did so,
    False when spaCy, thinc or torch was imported already (then nothing changes)."""
    if any(name in sys.modules for name in ("spacy", "thinc", "torch")):
        return False
    cli = types.ModuleType("spacy.cli", "summarise's stand-in during `import spacy` (removed after it)")
    cli.__path__ = []  # a package, with no submodules to find
    info = types.ModuleType("spacy.cli.info", cli.__doc__)
    info.info = _info  # type: ignore[attr-defined]
    stubs: dict[str, Any] = {"spacy.cli": cli, "spacy.cli.info": info}
    if hide_torch:
        stubs["torch"] = None  # `import torch` raises ImportError
    sys.modules.update(stubs)
    try:
        import spacy  # noqa: F401
    finally:
        for name, stub in stubs.items():
            if name in sys.modules and sys.modules[name] is stub:
                del sys.modules[name]
    return True
