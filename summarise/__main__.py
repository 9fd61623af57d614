"""``python -m summarise``: the same as the ``summarise`` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
