// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * Shows the report of one method in the Analysis Report view. Contributed through the extension point
 * {@code org.idx.ui.analysis.reportRenderers} for a method id; a method without a renderer gets
 * {@link JsonReportRenderer} (the report as JSON). The view adds the heading, Copy, Export CSV and Export
 * JSON around the renderer. A new instance is made for each report.
 */
public interface ReportRenderer {

	/**
	 * Creates the widgets that show the report.
	 *
	 * @param parent  the parent, filled by the returned control
	 * @param context the run and its report
	 * @return the top control, a child of {@code parent}
	 */
	Control createControl(Composite parent, ReportContext context);

	/**
	 * @return the report's tables, in display order, for Copy (tab-separated) and Export CSV; empty when the
	 *         report has no tables (Copy then copies the JSON)
	 */
	List<ReportTable> tables();

	/** Releases images, fonts and colours the renderer made. */
	default void dispose() {
		// optional
	}
}
