"""The commands: declared once, found in the menus, the toolbars and the shortcuts list."""

from PySide6.QtWidgets import QMessageBox

from act_gui.qt.actions import ACTIONS, TOOLBARS


def menu_actions(window):
    found = set()
    for menu_action in window.menuBar().actions():
        found.update(menu_action.menu().actions())
    return found


def test_every_declared_command_is_in_its_menu_and_has_a_working_shortcut(window):
    in_menus = menu_actions(window)
    for spec in ACTIONS:
        action = window.commands[spec.id]
        assert action in in_menus, spec.id
        assert action in window.actions()  # on the window itself: shortcuts work without the menu bar


def test_the_toolbars_show_the_declared_commands_in_order(window):
    for bar, (name, items) in zip(window.toolbars, TOOLBARS.items()):
        shown = [a for a in bar.actions() if not a.isSeparator() and a.text()]
        expected = [window.commands[i] for i in items if i not in ("|", "fields")]
        assert [a for a in shown if a in expected] == expected, name


def test_the_shortcuts_list_is_made_from_the_declarations(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    window.commands["shortcuts"].trigger()
    assert "Ctrl+E" in shown[0] and "Export plots as PNG" in shown[0] and "PageDown" in shown[0]
