"""``python -m mediabias`` runs the command line."""

from mediabias.cli import main

main(prog_name="mediabias")
