"""Where the app keeps things: paths, settings, sessions, autosave, safe writes, exports, the log."""
