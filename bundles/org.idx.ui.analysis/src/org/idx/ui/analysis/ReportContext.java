// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.ParameterValues;
import org.idx.ui.dataset.Dataset;

/**
 * One finished analysis run, as a {@link ReportRenderer} receives it.
 *
 * @param method  the method that ran
 * @param dataset the dataset it ran on
 * @param values  the parameter values
 * @param rows    the rows analysed, or {@code null} for all rows
 * @param added   the names of the columns the run added to the table
 * @param report  the report, as {@code idx run --report} writes it (maps, lists, numbers, strings, booleans, nulls)
 */
public record ReportContext(MethodDescriptor method, Dataset dataset, ParameterValues values, BitSet rows,
		List<String> added, Map<String, Object> report) {

	/** @return the number of rows analysed */
	public int rowCount() {
		return rows == null ? dataset.table().rowCount() : rows.cardinality();
	}
}
