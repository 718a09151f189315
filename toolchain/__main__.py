"""``python -m toolchain`` runs the same CLI as the ``screenplay`` command."""
from .cli import main

main()
