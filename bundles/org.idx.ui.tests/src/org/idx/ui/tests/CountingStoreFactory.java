// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import java.nio.file.Path;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageStore;
import org.idx.images.ImageStoreFactory;
import org.idx.images.LocalImageStore;
import org.idx.images.StoreSpec;
import org.idx.images.testing.CountingStore;

/**
 * The {@code counting} scheme (tests only): a local folder ({@code path}) whose reads are counted, so
 * that a UI test can say how many chunks a viewer fetched. The store opened last is at hand through
 * {@link #last()}.
 */
public final class CountingStoreFactory implements ImageStoreFactory {

	/** The scheme. */
	public static final String SCHEME = "counting";

	private static volatile CountingStore last;

	@Override
	public ImageStore open(StoreSpec spec) throws ImageAccessException {
		CountingStore store = new CountingStore(new LocalImageStore(Path.of(spec.property(StoreSpec.PATH))));
		last = store;
		return store;
	}

	@Override
	public String test(StoreSpec spec) {
		return "Counting reads of " + spec.property(StoreSpec.PATH) + ".";
	}

	/** @return the store opened last, or null */
	public static CountingStore last() {
		return last;
	}
}
