"""Activation Explorer: see activation functions, their gradients, and the units they drive."""

__version__ = "0.1.0"
