// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.plot.plate.PlateLayout;
import org.idx.plot.plate.WellAggregate;

/**
 * What a plate map draws, computed off the UI thread from a {@link PlateSpec}: the well of each
 * row, the plate of each row and the per-well statistics of every plate.
 *
 * @param spec what it was computed for
 * @param layout the well of each row and the format
 * @param plateCodes a plate code per row (-1 for NA), or null for one plate
 * @param plateNames the name of each plate code
 * @param aggregate the statistics per plate and well
 */
record PlateData(PlateSpec spec, PlateLayout layout, int[] plateCodes, List<String> plateNames,
		WellAggregate aggregate) {

	/** @return the data of {@code spec} */
	static PlateData compute(PlateSpec spec) {
		PlateLayout layout = spec.wells().layout(spec.format());
		int[] plateCodes = null;
		List<String> names = List.of("");
		if (spec.plate() != null) {
			names = new ArrayList<>();
			plateCodes = codes(spec.plate(), names);
		}
		double[] values = new double[layout.rowCount()];
		NumericColumn value = spec.value();
		if (value != null) {
			for (int i = 0; i < values.length; i++) {
				values[i] = value.value(i);
			}
		}
		WellAggregate aggregate = WellAggregate.of(layout, plateCodes, names.size(), values);
		return new PlateData(spec, layout, plateCodes, List.copyOf(names), aggregate);
	}

	/** Codes of any column: a categorical column's own, else one per distinct text in order of appearance. */
	private static int[] codes(Column column, List<String> names) {
		int[] codes = new int[column.size()];
		if (column instanceof CategoricalColumn categorical) {
			names.addAll(categorical.levels());
			for (int i = 0; i < codes.length; i++) {
				codes[i] = categorical.code(i);
			}
			return codes;
		}
		Map<String, Integer> dictionary = new HashMap<>();
		for (int i = 0; i < codes.length; i++) {
			String text = column.text(i);
			if (text == null) {
				codes[i] = -1;
				continue;
			}
			codes[i] = dictionary.computeIfAbsent(text, k -> {
				names.add(k);
				return names.size() - 1;
			});
		}
		return codes;
	}
}
