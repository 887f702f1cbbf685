// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plot;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.idx.plot.draw.Surface;
import org.idx.ui.views.ChartCanvas;

/**
 * The distribution chart widget: paints the counts the view computed (a few hundred shapes, so on
 * the UI thread), a click picks the bin, level or group under the mouse, a horizontal drag a range
 * of them, Shift adds; hovering shows the counts in the tool tip.
 */
final class DistributionCanvas extends ChartCanvas<DistributionData> {

	/** Told the first and last slot picked and whether Shift was down. */
	interface SlotListener {
		void picked(int from, int to, boolean add);
	}

	private SlotListener onPick = (from, to, add) -> {
	};

	DistributionCanvas(Composite parent) {
		super(parent, "Open a table to see its distributions.");
	}

	void onPick(SlotListener listener) {
		onPick = listener;
	}

	private DistributionPainter painter(DistributionData data) {
		Rectangle client = getClientArea();
		return new DistributionPainter(data, client.width, client.height);
	}

	@Override
	protected void paintChart(Surface surface, DistributionData data, int width, int height) {
		new DistributionPainter(data, width, height).paint(surface);
	}

	@Override
	protected int itemAt(DistributionData data, int x, int y) {
		return painter(data).slotAt(x, y);
	}

	/** A drag takes a range of slots: the band between the two x, as high as the plot. */
	@Override
	protected Rectangle dragArea(Point from, Point to) {
		return new Rectangle(Math.min(from.x, to.x), DistributionPainter.TOP, Math.abs(to.x - from.x),
				getClientArea().height - DistributionPainter.TOP - DistributionPainter.BOTTOM);
	}

	@Override
	protected void clicked(DistributionData data, Point at, boolean add) {
		int slot = painter(data).slotAt(at.x, at.y);
		if (slot >= 0) {
			onPick.picked(slot, slot, add);
		} else if (!add) {
			onPick.picked(-1, -1, false);
		}
	}

	@Override
	protected void dragged(DistributionData data, Point from, Point to, boolean add) {
		int[] range = painter(data).slotsBetween(from.x, to.x);
		if (range != null) {
			onPick.picked(range[0], range[1], add);
		}
	}

	/**
	 * @param slot a bin, level or group
	 * @return the middle of its bar or box on the canvas, or null when nothing is drawn
	 */
	Point slotCentre(int slot) {
		if (chart() == null) {
			return null;
		}
		double[] c = painter(chart()).centre(slot);
		return new Point((int) Math.round(c[0]), (int) Math.round(c[1]));
	}
}
