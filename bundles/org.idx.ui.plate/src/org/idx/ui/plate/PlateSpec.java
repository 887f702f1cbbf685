// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import org.idx.core.Column;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.images.ImageRoot;
import org.idx.images.ImageRoot;
import org.idx.plot.plate.PlateFormat;
import org.idx.plot.plate.WellStats;

/**
 * What the plate map shows. Columns are immutable, so a spec can be handed to the job as it is.
 *
 * @param table the table
 * @param wells where the wells come from
 * @param plate the plate column, or null when the table holds one plate
 * @param value the column aggregated per well, or null to show the row count
 * @param statistic the statistic shown
 * @param format the plate format, or null to detect it
 * @param images the dataset's images, whose OME-Zarr plate metadata gives the grid; null to use none
 */
record PlateSpec(DataTable table, WellSource wells, Column plate, NumericColumn value, WellStats.Statistic statistic,
		PlateFormat format, ImageRoot images) {
}
