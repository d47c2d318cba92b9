"""The version of interview-parser: the one place it is written (pyproject.toml reads it).

Bump it in a commit of its own (``0.1.0`` -> ``0.2.0`` for new features, ``0.1.1`` for
fixes), then tag that commit ``v`` plus the version; the pre-commit snippet of the README
pins such a tag or a commit.
"""

__version__ = "0.1.0"
