// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.NumericColumn;
import org.idx.images.zarr.RowImageKeys;
import org.idx.images.zarr.ZarrPlate;
import org.idx.plot.plate.PlateFormat;
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
 * @param grids the grid drawn for each plate code: the OME-Zarr plate's own rows and columns when its
 *        metadata was found, else the layout's format
 */
record PlateData(PlateSpec spec, PlateLayout layout, int[] plateCodes, List<String> plateNames,
		WellAggregate aggregate, List<PlateGrid> grids) {

	/**
	 * Reads the plates' metadata through the dataset's image store when there is one: call it in a job.
	 *
	 * @param spec what to compute
	 * @param plates the plate metadata resolved before for the same table, roles and image root, kept
	 *        here for the next computation (cleared by the view when any of them changes)
	 * @return the data of {@code spec}
	 */
	static PlateData compute(PlateSpec spec, AtomicReference<RowImageKeys> plates) {
		int[] plateCodes = null;
		List<String> names = List.of("");
		if (spec.plate() != null) {
			names = new ArrayList<>();
			plateCodes = codes(spec.plate(), names);
		}
		List<ZarrPlate> hcs = hcsPlates(spec, names, plates);
		PlateFormat format = spec.format();
		if (format == null && hcs.stream().anyMatch(p -> p != null)) {
			format = fitting(hcs);
		}
		PlateLayout layout = spec.wells().layout(format);
		List<PlateGrid> grids = new ArrayList<>();
		for (ZarrPlate plate : hcs) {
			grids.add(plate == null ? PlateGrid.of(layout.format()) : PlateGrid.of(plate, layout.format()));
		}
		double[] values = new double[layout.rowCount()];
		NumericColumn value = spec.value();
		if (value != null) {
			for (int i = 0; i < values.length; i++) {
				values[i] = value.value(i);
			}
		}
		WellAggregate aggregate = WellAggregate.of(layout, plateCodes, names.size(), values);
		return new PlateData(spec, layout, plateCodes, List.copyOf(names), aggregate, List.copyOf(grids));
	}

	/** @return the HCS plate of each plate name (null where none is found), none when the images hold no plates */
	private static List<ZarrPlate> hcsPlates(PlateSpec spec, List<String> names, AtomicReference<RowImageKeys> cache) {
		List<ZarrPlate> plates = new ArrayList<>();
		RowImageKeys keys = null;
		if (spec.images() != null && spec.table().roles().column(ColumnRole.WELL).isPresent()) {
			keys = cache.get();
			if (keys == null || keys.table() != spec.table() || !keys.roles().equals(spec.table().roles())) {
				// Through the plates the image viewer and the gallery share: their metadata is read once per dataset.
				keys = RowImageKeys.resolve(spec.table(), spec.images(), () -> false);
				cache.set(keys);
			}
		}
		for (String name : names) {
			plates.add(keys == null ? null : keys.plateOf(spec.plate() == null ? null : name).orElse(null));
		}
		return plates;
	}

	/** @return the smallest standard format holding every row and column of the plates, or null if none does */
	private static PlateFormat fitting(List<ZarrPlate> plates) {
		int maxRow = 0;
		int maxColumn = 0;
		for (ZarrPlate plate : plates) {
			if (plate != null) {
				int[][] positions = PlateGrid.positionsOf(plate);
				for (int r : positions[0]) {
					maxRow = Math.max(maxRow, r);
				}
				for (int c : positions[1]) {
					maxColumn = Math.max(maxColumn, c);
				}
			}
		}
		try {
			return PlateFormat.smallestFitting(maxRow, maxColumn);
		} catch (IllegalArgumentException e) {
			return null;
		}
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
