"""Data shipped with the toolchain: the project's own sample synopsis (sample.txt).

A package (not a bare folder) so that the wheel carries its files.
"""
