"""The numpy-only core of Activation Explorer.

Nothing under this package imports Qt, so teachers can use it from a notebook and the
tests can run it without a display.
"""
