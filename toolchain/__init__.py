"""The screenplay toolchain application: CLI, synopsis adapter, pipeline, reports."""

#: The one place the version is written; pyproject.toml reads it from here.
#: (A constant rather than importlib.metadata: that import costs 20 ms at every start.)
__version__ = "0.1.0"
