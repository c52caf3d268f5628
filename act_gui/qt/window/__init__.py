"""Parts of the main window: menus, docks, the presentation mode, the Lab-to-Explorer link."""
