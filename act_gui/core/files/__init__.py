"""Files from anywhere: reading them safely, and the session format with its migrations."""
