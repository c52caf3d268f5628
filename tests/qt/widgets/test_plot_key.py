"""Plot keys: above the data, wrapping between entries, never clipped."""

import pyqtgraph as pg

from act_gui.qt.widgets.plot_key import KeyEntry, add_key, key_html

ENTRIES = [KeyEntry(f"entry {i}", "#0072B2") for i in range(8)]


def shown_key(qtbot, width):
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    plot = view.addPlot()
    key = add_key(plot)
    key.set_key([key_html("Title", ENTRIES)], size="10pt", color="#000000")
    view.resize(width, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: key.item.boundingRect().height() <= key.size().height() + 1)  # laid out again
    return view, plot, key


def test_a_narrow_plot_gets_a_taller_key_with_every_entry(qtbot):
    wide_view, wide_plot, wide = shown_key(qtbot, 1400)
    narrow_view, narrow_plot, narrow = shown_key(qtbot, 260)
    assert narrow.size().height() > wide.size().height()
    for plot, key in ((wide_plot, wide), (narrow_plot, narrow)):
        assert key.item.boundingRect().height() <= key.size().height() + 1  # nothing clipped
        assert key.item.boundingRect().width() <= key.size().width() + 1
        assert not key.sceneBoundingRect().intersects(plot.getViewBox().sceneBoundingRect())
        assert all(entry.label in key.item.toPlainText().replace("\xa0", " ") for entry in ENTRIES)


def test_the_first_choice_that_fits_is_shown(qtbot):
    view = pg.GraphicsLayoutWidget()
    qtbot.addWidget(view)
    key = add_key(view.addPlot())
    wide, narrow = "x " * 200, "narrow"
    key.set_key([wide, narrow], size="10pt", color="#000000")
    view.resize(300, 300)
    view.show()
    qtbot.waitExposed(view)
    assert key.text == narrow
    view.resize(4000, 300)
    qtbot.waitUntil(lambda: key.text == wide)
