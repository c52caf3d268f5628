"""Reading files that may come from anywhere: only regular files, never past a limit."""
