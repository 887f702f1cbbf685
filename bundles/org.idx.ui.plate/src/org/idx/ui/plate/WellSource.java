// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import java.util.HashMap;
import java.util.Map;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.plot.plate.PlateFormat;
import org.idx.plot.plate.PlateLayout;
import org.idx.plot.plate.WellPosition;

/**
 * Where the plate map reads each row's well: one column of well names ({@code B07}, {@code b7},
 * {@code B-07}), or a pair of columns holding the well row ({@code B} or {@code 2}) and the well
 * column ({@code 7}).
 */
sealed interface WellSource {

	/** @return what the chooser shows */
	String label();

	/**
	 * @param format the format, or null to detect it
	 * @return the layout; rows whose well does not parse belong to no well and are counted
	 */
	PlateLayout layout(PlateFormat format);

	/**
	 * @param row a row
	 * @return the well as the table spells it, for messages
	 */
	String text(int row);

	/** Well names in one column. */
	record Names(Column column) implements WellSource {
		@Override
		public String label() {
			return column.name();
		}

		@Override
		public PlateLayout layout(PlateFormat format) {
			if (column instanceof CategoricalColumn categorical) {
				int[] codes = new int[categorical.size()];
				for (int i = 0; i < codes.length; i++) {
					codes[i] = categorical.code(i);
				}
				return PlateLayout.lenient(codes, categorical.levels().toArray(String[]::new), format);
			}
			Map<String, Integer> dictionary = new HashMap<>();
			int[] codes = new int[column.size()];
			for (int i = 0; i < codes.length; i++) {
				String name = column.text(i);
				codes[i] = name == null ? -1 : dictionary.computeIfAbsent(name, k -> dictionary.size());
			}
			String[] levels = new String[dictionary.size()];
			dictionary.forEach((name, code) -> levels[code] = name);
			return PlateLayout.lenient(codes, levels, format);
		}

		@Override
		public String text(int row) {
			return column.text(row);
		}
	}

	/** Well row and well column in two columns. */
	record Pair(Column rows, Column columns) implements WellSource {
		@Override
		public String label() {
			return rows.name() + " + " + columns.name();
		}

		@Override
		public PlateLayout layout(PlateFormat format) {
			return PlateLayout.ofPositions(positions(rows, WellPosition.MAX_ROWS, true),
					positions(columns, WellPosition.MAX_COLUMNS, false), format);
		}

		private static int[] positions(Column column, int limit, boolean isRow) {
			int[] result = new int[column.size()];
			if (column instanceof NumericColumn numeric) {
				for (int i = 0; i < result.length; i++) {
					double v = numeric.value(i);
					result[i] = Double.isNaN(v) ? -1 : valid(WellPosition.oneBased(v, limit));
				}
			} else if (column instanceof CategoricalColumn categorical) {
				int[] ofLevel = categorical.levels().stream()
						.mapToInt(level -> valid(isRow ? WellPosition.parseRow(level) : WellPosition.parseColumn(level)))
						.toArray();
				for (int i = 0; i < result.length; i++) {
					int code = categorical.code(i);
					result[i] = code < 0 ? -1 : ofLevel[code];
				}
			} else {
				for (int i = 0; i < result.length; i++) {
					String text = column.text(i);
					result[i] = text == null ? -1
							: valid(isRow ? WellPosition.parseRow(text) : WellPosition.parseColumn(text));
				}
			}
			return result;
		}

		private static int valid(int position) {
			return position < 0 ? PlateLayout.INVALID : position;
		}

		@Override
		public String text(int row) {
			return rows.text(row) + " / " + columns.text(row);
		}
	}
}
