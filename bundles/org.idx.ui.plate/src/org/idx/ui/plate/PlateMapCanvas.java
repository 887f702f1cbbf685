// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import java.util.BitSet;
import java.util.function.BiConsumer;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.idx.plot.draw.Surface;
import org.idx.ui.views.ChartCanvas;

/**
 * The plate drawing: wells coloured by their value, a click selects a well's rows, Shift adds,
 * a drag selects the wells under a rectangle; hovering names the well in the tool tip. Painting is
 * cheap (one shape per well), so it happens on the UI thread; the data behind it is computed in a
 * job by the view.
 */
final class PlateMapCanvas extends ChartCanvas<PlateMapPainter.Picture> {

	private BiConsumer<BitSet, Boolean> onSelect = (wells, add) -> {
	};

	PlateMapCanvas(Composite parent) {
		super(parent, "Open a table to see its plate map.");
	}

	/** @param listener told the wells clicked or enclosed, and whether Shift was down */
	void onSelect(BiConsumer<BitSet, Boolean> listener) {
		onSelect = listener;
	}

	private PlateMapPainter painter(PlateMapPainter.Picture picture) {
		Rectangle client = getClientArea();
		return new PlateMapPainter(picture.grid(), client.width, client.height);
	}

	/**
	 * @param well a well index
	 * @return the centre of the well on the canvas, or null when no plate is shown
	 */
	Point wellCentre(int well) {
		if (chart() == null) {
			return null;
		}
		double[] c = painter(chart()).centre(well);
		return new Point((int) Math.round(c[0]), (int) Math.round(c[1]));
	}

	@Override
	protected void paintChart(Surface surface, PlateMapPainter.Picture picture, int width, int height) {
		new PlateMapPainter(picture.grid(), width, height).paint(surface, picture);
	}

	@Override
	protected int itemAt(PlateMapPainter.Picture picture, int x, int y) {
		return painter(picture).wellAt(x, y);
	}

	@Override
	protected void clicked(PlateMapPainter.Picture picture, Point at, boolean add) {
		BitSet wells = new BitSet();
		int well = painter(picture).wellAt(at.x, at.y);
		if (well >= 0) {
			wells.set(well);
		}
		onSelect.accept(wells, add);
	}

	@Override
	protected void dragged(PlateMapPainter.Picture picture, Point from, Point to, boolean add) {
		BitSet wells = new BitSet();
		int[] box = painter(picture).wellsIn(from.x, from.y, to.x, to.y);
		if (box != null) {
			for (int r = box[0]; r <= box[2]; r++) {
				for (int c = box[1]; c <= box[3]; c++) {
					int well = picture.grid().well(r, c);
					if (well >= 0) {
						wells.set(well);
					}
				}
			}
		}
		onSelect.accept(wells, add);
	}
}
