// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;

/** One {@code page} element of the {@code org.idx.ui.datasetPages} extension point. */
record DatasetPageDescriptor(String id, String name, int order, IConfigurationElement element) {

	static DatasetPageDescriptor of(IConfigurationElement element) {
		int order;
		try {
			order = Integer.parseInt(element.getAttribute("order"));
		} catch (NumberFormatException e) {
			order = 50;
		}
		return new DatasetPageDescriptor(element.getAttribute("id"), element.getAttribute("name"), order, element);
	}

	IDatasetPage create() throws CoreException {
		return (IDatasetPage) element.createExecutableExtension("class");
	}
}
