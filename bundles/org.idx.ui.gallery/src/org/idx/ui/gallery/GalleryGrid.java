// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.gallery;

import java.util.Arrays;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

/**
 * A virtual grid of square thumbnails with a caption under each: as many columns as fit the width, a
 * vertical scroll bar, and only the cells in view are painted. A cell's picture arrives when it is
 * ready ({@link #setPicture(int, int[], int)}) and is turned into a toolkit image only when first
 * painted. A click reports the cell; one cell can be marked as the focus.
 */
public final class GalleryGrid extends Canvas {

	private static final int GAP = 6;
	private static final int CAPTION = 18;

	private int count;
	private int side = 96;
	private String[] captions = new String[0];
	private int[][] pixels = new int[0][];
	private int[] pixelSides = new int[0];
	private String[] problems = new String[0];
	private Image[] images = new Image[0];
	private int focus = -1;
	private String message;
	private IntConsumer onClick = i -> {
	};

	/** @param parent the parent */
	public GalleryGrid(Composite parent) {
		super(parent, SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		addListener(SWT.Paint, this::paint);
		addListener(SWT.Resize, e -> updateScrollBar());
		getVerticalBar().addListener(SWT.Selection, e -> redraw());
		addListener(SWT.MouseVerticalWheel, e -> {
			ScrollBar bar = getVerticalBar();
			bar.setSelection(bar.getSelection() - e.count * (side + CAPTION + GAP) / 3);
			redraw();
		});
		addListener(SWT.MouseUp, e -> {
			if (e.button == 1) {
				int cell = cellAt(e.x, e.y);
				if (cell >= 0) {
					onClick.accept(cell);
				}
			}
		});
		addListener(SWT.Dispose, e -> disposeImages());
	}

	/**
	 * Starts a new set of cells, all waiting for their pictures.
	 *
	 * @param cells     the number of cells
	 * @param cellSide  the thumbnail side in pixels
	 * @param cellCaptions one caption per cell
	 */
	public void setCells(int cells, int cellSide, String[] cellCaptions) {
		disposeImages();
		count = cells;
		side = cellSide;
		captions = cellCaptions.clone();
		pixels = new int[cells][];
		pixelSides = new int[cells];
		problems = new String[cells];
		images = new Image[cells];
		focus = -1;
		message = null;
		getVerticalBar().setSelection(0);
		updateScrollBar();
		redraw();
	}

	/**
	 * @param cell     a cell
	 * @param argb     its picture, {@code pictureSide * pictureSide} opaque ARGB pixels
	 * @param pictureSide the picture's side
	 */
	public void setPicture(int cell, int[] argb, int pictureSide) {
		if (cell < count) {
			pixels[cell] = argb;
			pixelSides[cell] = pictureSide;
			redrawCell(cell);
		}
	}

	/**
	 * @param cell    a cell
	 * @param problem why it has no picture, shown in the cell (its tooltip gives the whole sentence)
	 */
	public void setProblem(int cell, String problem) {
		if (cell < count) {
			problems[cell] = problem;
			redrawCell(cell);
		}
	}

	/** @param cell the cell to mark as the focus, or -1 */
	public void setFocusCell(int cell) {
		focus = cell;
		redraw();
	}

	/** @param text a sentence shown instead of the grid, or null */
	public void setMessage(String text) {
		message = text;
		if (text != null) {
			setCells(0, side, new String[0]);
			message = text;
		}
		redraw();
	}

	/** @return the sentence shown instead of the grid, or null */
	public String message() {
		return message;
	}

	/** @param listener told the cell clicked */
	public void onClick(IntConsumer listener) {
		onClick = listener;
	}

	/** @return the number of cells */
	public int cellCount() {
		return count;
	}

	/** @return how many cells have their picture or a problem */
	public int doneCount() {
		int done = 0;
		for (int i = 0; i < count; i++) {
			if (pixels[i] != null || problems[i] != null) {
				done++;
			}
		}
		return done;
	}

	/**
	 * @param cell a cell
	 * @return why it has no picture, or null
	 */
	public String problem(int cell) {
		return problems[cell];
	}

	private int columns() {
		int width = getClientArea().width;
		return Math.max(1, (width - GAP) / (side + GAP));
	}

	private int rowHeight() {
		return side + CAPTION + GAP;
	}

	/**
	 * @param cell a cell
	 * @return its thumbnail's bounds on the canvas now (scrolled)
	 */
	public Rectangle cellBounds(int cell) {
		int columns = columns();
		int x = GAP + cell % columns * (side + GAP);
		int y = GAP + cell / columns * rowHeight() - getVerticalBar().getSelection();
		return new Rectangle(x, y, side, side);
	}

	/**
	 * @param cell a cell
	 * @return scrolls so that the cell is in view
	 */
	public Point reveal(int cell) {
		Rectangle bounds = cellBounds(cell);
		ScrollBar bar = getVerticalBar();
		int height = getClientArea().height;
		if (bounds.y < 0 || bounds.y + bounds.height > height) {
			bar.setSelection(bar.getSelection() + bounds.y - GAP);
			redraw();
		}
		Rectangle now = cellBounds(cell);
		return new Point(now.x + now.width / 2, now.y + now.height / 2);
	}

	private int cellAt(int x, int y) {
		int columns = columns();
		int column = (x - GAP) / (side + GAP);
		int row = (y + getVerticalBar().getSelection() - GAP) / rowHeight();
		if (x < GAP || column >= columns || y + getVerticalBar().getSelection() < GAP) {
			return -1;
		}
		int cell = row * columns + column;
		if (cell >= count) {
			return -1;
		}
		Rectangle b = cellBounds(cell);
		return x < b.x + b.width && y >= b.y && y < b.y + side + CAPTION ? cell : -1;
	}

	private void updateScrollBar() {
		ScrollBar bar = getVerticalBar();
		int rows = (count + columns() - 1) / columns();
		int total = GAP + rows * rowHeight();
		int height = Math.max(1, getClientArea().height);
		bar.setMaximum(Math.max(total, 1));
		bar.setThumb(Math.min(height, Math.max(total, 1)));
		bar.setPageIncrement(height);
		bar.setIncrement(rowHeight() / 3);
		bar.setVisible(total > height);
		redraw();
	}

	private void redrawCell(int cell) {
		Rectangle bounds = cellBounds(cell);
		redraw(bounds.x, bounds.y, bounds.width, bounds.height + CAPTION, false);
	}

	private void paint(Event event) {
		GC gc = event.gc;
		Rectangle area = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
		gc.fillRectangle(area);
		if (message != null) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
			gc.drawText(message, GAP * 2, GAP * 2, true);
			return;
		}
		int columns = columns();
		int scroll = getVerticalBar().getSelection();
		int firstRow = Math.max(0, (scroll - GAP) / rowHeight());
		int lastRow = (scroll + area.height) / rowHeight();
		Color empty = new Color(40, 40, 40);
		Color focusColour = new Color(255, 200, 0);
		for (int row = firstRow; row <= lastRow; row++) {
			for (int column = 0; column < columns; column++) {
				int cell = row * columns + column;
				if (cell >= count) {
					break;
				}
				Rectangle b = cellBounds(cell);
				Image image = image(cell);
				if (image != null) {
					gc.drawImage(image, 0, 0, pixelSides[cell], pixelSides[cell], b.x, b.y, side, side);
				} else {
					gc.setBackground(empty);
					gc.fillRectangle(b);
					gc.setForeground(new Color(200, 200, 200));
					String text = problems[cell] != null ? "(no image)" : "…";
					gc.drawText(text, b.x + 4, b.y + 4, true);
				}
				if (cell == focus) {
					gc.setForeground(focusColour);
					gc.setLineWidth(3);
					gc.drawRectangle(b.x - 2, b.y - 2, b.width + 3, b.height + 3);
					gc.setLineWidth(1);
				}
				gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
				String caption = shorten(gc, captions[cell], side + GAP - 2);
				gc.drawText(caption, b.x, b.y + side + 2, true);
			}
		}
	}

	private Image image(int cell) {
		if (images[cell] == null && pixels[cell] != null) {
			int s = pixelSides[cell];
			ImageData data = new ImageData(s, s, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
			int[] argb = pixels[cell];
			for (int y = 0; y < s; y++) {
				int line = y * data.bytesPerLine;
				for (int x = 0; x < s; x++) {
					int p = argb[y * s + x];
					data.data[line + x * 3] = (byte) (p >> 16);
					data.data[line + x * 3 + 1] = (byte) (p >> 8);
					data.data[line + x * 3 + 2] = (byte) p;
				}
			}
			images[cell] = new Image(getDisplay(), data);
		}
		return images[cell];
	}

	private static String shorten(GC gc, String text, int width) {
		if (text == null) {
			return "";
		}
		if (gc.textExtent(text).x <= width) {
			return text;
		}
		String shorter = text;
		while (shorter.length() > 1 && gc.textExtent(shorter + "…").x > width) {
			shorter = shorter.substring(0, shorter.length() - 1);
		}
		return shorter + "…";
	}

	private void disposeImages() {
		for (Image image : images) {
			if (image != null) {
				image.dispose();
			}
		}
		Arrays.fill(images, null);
	}
}
