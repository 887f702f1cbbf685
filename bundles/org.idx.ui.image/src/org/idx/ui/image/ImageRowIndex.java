// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.core.TextColumn;
import org.idx.images.zarr.RowImageKeys;

/**
 * The rows of a table grouped by the image they belong to, so that a viewer finds the other objects of
 * the image it shows without scanning the table. Built once per image column: two {@code int} arrays
 * (rows ordered by image, and where each image's rows start) plus one map entry per distinct image,
 * never an object per row. Immutable and thread-safe once built.
 */
public final class ImageRowIndex {

	private final Column column;
	private final RowImageKeys keys;
	private final Map<String, Integer> imageIds;
	private final int[] starts;
	private final int[] rows;

	private ImageRowIndex(Column column, RowImageKeys keys, Map<String, Integer> imageIds, int[] starts, int[] rows) {
		this.column = column;
		this.keys = keys;
		this.imageIds = imageIds;
		this.starts = starts;
		this.rows = rows;
	}

	/**
	 * Groups the rows by the value of an image column (a counting sort on image ids: linear time).
	 * Rows with NA in the column belong to no image.
	 *
	 * @param column the image column
	 * @return the index
	 */
	public static ImageRowIndex build(Column column) {
		Objects.requireNonNull(column);
		int n = column.size();
		int[] idOfRow = new int[n];
		Map<String, Integer> ids = new HashMap<>();
		if (column instanceof CategoricalColumn categorical) {
			var levels = categorical.levels();
			for (int i = 0; i < levels.size(); i++) {
				ids.putIfAbsent(levels.get(i).trim(), i);
			}
			for (int row = 0; row < n; row++) {
				idOfRow[row] = categorical.code(row);
			}
		} else {
			for (int row = 0; row < n; row++) {
				String key = key(column, row);
				idOfRow[row] = key == null ? -1 : ids.computeIfAbsent(key, k -> ids.size());
			}
		}
		return group(column, null, idOfRow, ids);
	}

	/**
	 * Groups the rows by their resolved image key (image column values and plate/well/field images).
	 *
	 * @param keys the keys of a table's rows
	 * @return the index
	 */
	public static ImageRowIndex build(RowImageKeys keys) {
		int n = keys.table().rowCount();
		int[] idOfRow = new int[n];
		Map<String, Integer> ids = new HashMap<>();
		for (int row = 0; row < n; row++) {
			String key = keys.keyOrNull(row);
			idOfRow[row] = key == null ? -1 : ids.computeIfAbsent(key, k -> ids.size());
		}
		return group(null, keys, idOfRow, ids);
	}

	private static ImageRowIndex group(Column column, RowImageKeys keys, int[] idOfRow, Map<String, Integer> ids) {
		int n = idOfRow.length;
		int[] starts = new int[ids.size() + 1];
		for (int id : idOfRow) {
			if (id >= 0) {
				starts[id + 1]++;
			}
		}
		for (int i = 0; i < ids.size(); i++) {
			starts[i + 1] += starts[i];
		}
		int[] next = starts.clone();
		int[] rows = new int[starts[ids.size()]];
		for (int row = 0; row < n; row++) {
			int id = idOfRow[row];
			if (id >= 0) {
				rows[next[id]++] = row;
			}
		}
		return new ImageRowIndex(column, keys, Map.copyOf(ids), starts, rows);
	}

	/**
	 * @param column an image column
	 * @param row    a row
	 * @return the row's image key, or null when NA or blank
	 */
	public static String key(Column column, int row) {
		String text = switch (column) {
			case TextColumn text1 -> text1.value(row);
			case CategoricalColumn categorical -> categorical.text(row);
			case NumericColumn numeric -> numeric.text(row);
		};
		return text == null || text.isBlank() ? null : text.trim();
	}

	/** @return the keys the index was built from, or null when it was built from a column */
	public RowImageKeys keys() {
		return keys;
	}

	/** @return the column the index was built from, or null when it was built from resolved keys */
	public Column column() {
		return column;
	}

	/**
	 * @param key an image key
	 * @return the rows of that image in ascending order (a new array); empty for an unknown key
	 */
	public int[] rowsOf(String key) {
		Integer id = key == null ? null : imageIds.get(key);
		if (id == null) {
			return new int[0];
		}
		int[] out = new int[starts[id + 1] - starts[id]];
		System.arraycopy(rows, starts[id], out, 0, out.length);
		return out;
	}

	/** @return the number of distinct images */
	public int imageCount() {
		return imageIds.size();
	}
}
