"""``python -m summarise.cli``: the same as the ``summarise`` command."""

from . import main

if __name__ == "__main__":
    raise SystemExit(main())
