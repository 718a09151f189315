"""The screenplay toolchain application: CLI, synopsis adapter, pipeline, reports."""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("screenplay-toolchain")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.1.0"
