// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.Platform;

/** Reads the dataset editor pages contributed through {@code org.idx.ui.datasetPages}. */
final class DatasetPageRegistry {

	static final String EXTENSION_POINT = "org.idx.ui.datasetPages";

	private DatasetPageRegistry() {
	}

	/** @return the contributed pages in display order (by {@code order}, then name) */
	static List<DatasetPageDescriptor> pages() {
		return Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT))
				.filter(element -> "page".equals(element.getName()))
				.map(DatasetPageDescriptor::of)
				.sorted(Comparator.comparingInt(DatasetPageDescriptor::order).thenComparing(DatasetPageDescriptor::name))
				.toList();
	}
}
