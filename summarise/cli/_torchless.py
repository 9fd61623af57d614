"""The command's own process imports spaCy without torch when nothing it will run needs torch.

spaCy imports thinc first thing, and ``thinc/compat.py`` does ``try: import torch`` at import
time only to learn whether its PyTorch wrappers can work: with torch installed (it is, for
``--backend transformers``) that import is about 1 s of the command's 2-3 s cold start and
180 MB of its memory, for a pipeline (``en_core_web_sm``) that never touches torch
(``bench/README.md``).

The library does not do this: in a user's process another library may want torch, and thinc
may be asked for its PyTorch wrappers. The ``summarise`` command's process is ours, so when the
backend it will run does not need torch (no model, llama.cpp, a server), it imports spaCy with
``import torch`` made to fail, and only for that import:

- ``sys.modules["torch"] = None`` (Python's own way to make an import fail) is set just before
  ``import spacy`` and removed right after it, in a ``finally``; nothing else runs meanwhile.
  After it, ``import torch`` anywhere in the process imports the real torch as usual (a later
  ``--backend transformers`` in the same process works; ``tests/test_cli_cold.py``).
- What it leaves is what it is for: thinc's ``compat.has_torch`` is False for the rest of the
  process, so thinc's PyTorch wrappers (``PyTorchWrapper``, used by transformer-based spaCy
  pipelines, never by ``en_core_web_sm``) refuse to run there. thinc reads ``has_torch`` for
  those wrappers, for seeding torch in ``fix_random_seed`` (training only) and for GPU
  selection; parsing with ``en_core_web_sm`` runs on thinc's numpy ops either way, and the
  command's output is the same (``bench/README.md``).
- Nothing is hidden when torch or thinc is already imported (the choice was made already), or
  when the backend is ``transformers`` or any backend not known to do without torch.
"""

from __future__ import annotations

import sys

__all__ = ["TORCHLESS_BACKENDS", "import_spacy_without_torch"]

#: Backends that never import torch: the pipeline with no model (``None``), llama.cpp, a server.
TORCHLESS_BACKENDS = (None, "llamacpp", "openai")


def import_spacy_without_torch() -> bool:
    """Import spaCy with ``import torch`` failing for the duration of that import only; True
    when it did so, False when spaCy or torch was imported already (then nothing changes)."""
    if any(name in sys.modules for name in ("spacy", "thinc", "torch")):
        return False
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy  # noqa: F401
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return True
