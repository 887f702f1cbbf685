// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/** The report renderers contributed through {@code org.idx.ui.analysis.reportRenderers}, by method id. */
final class ReportRenderers {

	static final String EXTENSION_POINT = "org.idx.ui.analysis.reportRenderers";

	private ReportRenderers() {
	}

	/**
	 * @param methodId a method id
	 * @return a new renderer for its reports: the contributed one, else {@link JsonReportRenderer}
	 */
	static ReportRenderer forMethod(String methodId) {
		Map<String, IConfigurationElement> byMethod = new LinkedHashMap<>();
		ILog log = ILog.of(ReportRenderers.class);
		for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
			String method = element.getAttribute("method");
			if (method == null || element.getAttribute("class") == null) {
				log.log(Status.warning("A report renderer from " + element.getContributor().getName()
						+ " was ignored: it needs 'method' and 'class'."));
			} else if (byMethod.putIfAbsent(method, element) != null && method.equals(methodId)) {
				log.log(Status.warning("A second report renderer for '" + method + "' from "
						+ element.getContributor().getName() + " was ignored."));
			}
		}
		IConfigurationElement element = byMethod.get(methodId);
		if (element != null) {
			try {
				return (ReportRenderer) element.createExecutableExtension("class");
			} catch (CoreException | ClassCastException e) {
				log.log(Status.error("The report renderer for '" + methodId + "' could not be created; the report is shown as JSON.", e));
			}
		}
		return new JsonReportRenderer();
	}
}
