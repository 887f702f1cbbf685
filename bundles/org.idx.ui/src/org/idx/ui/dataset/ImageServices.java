// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dataset;

import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.idx.images.ImageRoot;
import org.idx.images.PlaneCache;
import org.idx.images.ReadLimits;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.extensions.ReaderExtensions;
import org.idx.images.extensions.StoreExtensions;

/**
 * The workbench's image machinery, made once: the contributed image stores and readers and the one
 * plane cache all datasets share (so its bound is a bound on the whole workbench). Contributions
 * that do not follow their schema are reported to the Error Log.
 */
public final class ImageServices {

	/** The default bound of the plane cache: 512 MiB of decoded planes. */
	public static final long DEFAULT_CACHE_BYTES = 512L << 20;

	private static ImageServices instance;

	private final StoreRegistry stores;
	private final ReaderRegistry readers;
	private final PlaneCache cache = new PlaneCache(DEFAULT_CACHE_BYTES);

	private ImageServices() {
		StoreExtensions storeExtensions = StoreExtensions.fromPlatform();
		ReaderExtensions readerExtensions = ReaderExtensions.fromPlatform(ReadLimits.DEFAULT);
		ILog log = ILog.of(ImageServices.class);
		storeExtensions.problems().forEach(problem -> log.log(Status.warning(problem)));
		readerExtensions.problems().forEach(problem -> log.log(Status.warning(problem)));
		stores = storeExtensions.registry();
		readers = readerExtensions.registry();
	}

	/** @return the workbench's image services */
	public static synchronized ImageServices get() {
		if (instance == null) {
			instance = new ImageServices();
		}
		return instance;
	}

	/**
	 * @param table the file a table was read from
	 * @return a new image root at the table's folder, where image paths are usually relative to
	 */
	public ImageRoot rootBeside(Path table) {
		Path folder = table.toAbsolutePath().getParent();
		return new ImageRoot(stores, readers, cache, StoreSpec.folder(folder == null ? Path.of(".") : folder));
	}

	/** @return the contributed kinds of image store */
	public StoreRegistry stores() {
		return stores;
	}

	/** @return the contributed image readers */
	public ReaderRegistry readers() {
		return readers;
	}

	/** @return the plane cache every dataset shares */
	public PlaneCache cache() {
		return cache;
	}
}
