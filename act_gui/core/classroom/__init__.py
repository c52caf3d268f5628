"""Lessons as data (checked through the core models) and the zig-zag demonstration."""
