// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.Rectangle;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.MultiscaleSource;
import org.idx.images.PlaneRegion;
import org.idx.images.display.TileCache;
import org.idx.images.display.TileGrid;
import org.idx.ui.image.ImageComposer.Composed;

/**
 * The tiles in view of a level too large to show whole ({@link TileGrid#wantsTiles}), drawn on an
 * {@link ImageCanvas} over the whole plane of a coarser level that an {@link ImageView} shows (the plane
 * "under" them). When the view moves past the window shown, the tiles of the new window are read in a
 * background job (those in the shared {@link #TILES} cache are not read again) while the window shown and
 * the plane under it stay on screen; a job whose window no longer covers the view is cancelled. Used on
 * the UI thread.
 */
final class TileLayer {

	/** The tiles every viewer keeps: 256 MiB of samples. */
	static final TileCache TILES = new TileCache(256L << 20);

	private final ImageCanvas canvas;
	private final Runnable onChange;

	private Composed under;
	private Composed window;
	private Job job;
	private int jobLevel = -1;
	private PlaneRegion jobWindow;
	private String problem;
	private int tilesRead;

	/**
	 * @param canvas   where the tiles are drawn
	 * @param onChange told (on the UI thread) when tiles arrive, fail or are dropped
	 */
	TileLayer(ImageCanvas canvas, Runnable onChange) {
		this.canvas = canvas;
		this.onChange = onChange;
	}

	/**
	 * @param plane the whole-plane composition shown
	 * @return the level the canvas's zoom needs when it is to be shown in tiles over that plane (finer than
	 *         it and much larger than the view), or -1 when the plane will do or a whole plane is to be read
	 */
	int tiledLevel(Composed plane) {
		if (plane == null || plane.levelWidths().length < 2) {
			return -1;
		}
		int wanted = MultiscaleSource.levelFor(plane.levelWidths(), canvas.scale());
		Rectangle area = canvas.getClientArea();
		return wanted < plane.level()
				&& TileGrid.wantsTiles(plane.levelWidths()[wanted], plane.levelHeights()[wanted], area.width, area.height) ? wanted : -1;
	}

	/**
	 * Shows a new plane under the tiles, with the window composed with it (or none).
	 *
	 * @param plane      the whole-plane composition now shown
	 * @param withWindow the window of tiles composed with it, or null
	 * @param why        why the window could not be composed, or null
	 */
	void shown(Composed plane, Composed withWindow, String why) {
		under = plane;
		problem = why;
		show(withWindow);
	}

	/** Drops the tiles (nothing is shown, or the zoom needs none) and cancels their reads. */
	void clear() {
		cancel();
		if (window != null) {
			show(null);
		}
	}

	/** Forgets the plane under the tiles too: a read under way is dropped when it ends. */
	void forget() {
		under = null;
		problem = null;
		clear();
	}

	/**
	 * Reads the tiles in view when the window shown, or the one being read, does not cover the view.
	 *
	 * @param request what is shown (the zoom chooses the level of the tiles)
	 */
	void request(ImageComposer.Request request) {
		int level = tiledLevel(under);
		if (level < 0) {
			return;
		}
		ImageMetadata md = under.metadata();
		TileGrid grid = new TileGrid(under.levelWidths()[level], under.levelHeights()[level], TileGrid.DEFAULT_TILE_SIZE);
		double[] view = canvas.visibleArea();
		PlaneRegion visible = grid.window(view[0], view[1], view[2], view[3], md.width(), md.height(), 0);
		if (visible == null || window != null && window.level() == level && covers(window.window(), visible)
				|| job != null && jobLevel == level && covers(jobWindow, visible)) {
			return;
		}
		cancel();
		Composed plane = under;
		jobLevel = level;
		jobWindow = grid.window(view[0], view[1], view[2], view[3], md.width(), md.height(), ImageComposer.TILE_MARGIN);
		Job[] self = new Job[1];
		self[0] = Job.create("Reading the tiles in view of " + plane.key(), monitor -> {
			Composed read = null;
			String failure = null;
			try {
				read = ImageComposer.composeTiles(request, plane, TILES, view, monitor::isCanceled);
			} catch (ImageAccessException e) {
				if (monitor.isCanceled()) {
					return;
				}
				failure = e.getMessage();
			} catch (RuntimeException e) {
				Platform.getLog(TileLayer.class)
						.log(new Status(IStatus.ERROR, TileLayer.class, "Reading the tiles of " + plane.key() + " failed", e));
				failure = "The tiles in view could not be read: " + e.getMessage();
			}
			Composed arrived = read;
			String why = failure;
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> arrived(self[0], plane, arrived, why));
			}
		});
		self[0].setSystem(true);
		job = self[0];
		job.schedule();
	}

	private void arrived(Job done, Composed plane, Composed read, String why) {
		if (job == done) {
			job = null;
			jobWindow = null;
			jobLevel = -1;
		}
		if (canvas.isDisposed() || plane != under) {
			return;
		}
		problem = why;
		if (read != null) {
			show(read);
		}
		onChange.run();
	}

	private void show(Composed read) {
		window = read;
		if (read == null) {
			canvas.clearDetail();
		} else {
			tilesRead += read.tilesRead();
			PlaneRegion w = read.window();
			canvas.setDetail(read.argb(), read.levelWidths()[read.level()], read.levelHeights()[read.level()], w.x(), w.y(), w.width(),
					w.height());
		}
	}

	/** Cancels the read under way, if any (its tile reads are interrupted). */
	void cancel() {
		if (job != null) {
			job.cancel();
			job = null;
			jobWindow = null;
			jobLevel = -1;
		}
	}

	private static boolean covers(PlaneRegion outer, PlaneRegion inner) {
		return outer != null && outer.x() <= inner.x() && outer.y() <= inner.y()
				&& (long) outer.x() + outer.width() >= (long) inner.x() + inner.width()
				&& (long) outer.y() + outer.height() >= (long) inner.y() + inner.height();
	}

	/** @return the window of tiles shown, or null */
	Composed window() {
		return window;
	}

	/** @return whether tiles are being read */
	boolean reading() {
		return job != null;
	}

	/** @return why the last window could not be read, or null */
	String problem() {
		return problem;
	}

	/** @return the tiles read from the store (not the cache) for this canvas so far */
	int tilesRead() {
		return tilesRead;
	}
}
