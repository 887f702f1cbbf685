// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.plate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.idx.images.zarr.ZarrPlate;
import org.idx.plot.plate.PlateFormat;
import org.idx.plot.plate.WellPosition;

/**
 * The grid of cells the plate map draws, each naming a well of the {@link PlateFormat} the table's
 * rows were laid out in: either the whole standard format, or the rows and columns an OME-Zarr HCS
 * plate declares (its own names, any count), where only the wells the plate lists are present and
 * the other cells are "no well".
 *
 * @param format      the format of the table's layout
 * @param rowNames    the row labels, top to bottom
 * @param columnNames the column labels, left to right
 * @param wellOfCell  the format's well index of each cell ({@code row * columns + column}), -1 if none
 * @param present     the cells that are wells of the plate; null when every cell is
 * @param plateName   the HCS plate's name, or null for a standard format
 */
record PlateGrid(PlateFormat format, List<String> rowNames, List<String> columnNames, int[] wellOfCell, BitSet present,
		String plateName) {

	/**
	 * @param format a standard format
	 * @return its full grid
	 */
	static PlateGrid of(PlateFormat format) {
		List<String> rows = new ArrayList<>();
		for (int r = 0; r < format.rows(); r++) {
			rows.add(format.name(format.index(r, 0)).replaceAll("[0-9]", ""));
		}
		List<String> columns = new ArrayList<>();
		int[] wells = new int[format.wells()];
		for (int c = 0; c < format.columns(); c++) {
			columns.add(Integer.toString(c + 1));
		}
		for (int w = 0; w < wells.length; w++) {
			wells[w] = w;
		}
		return new PlateGrid(format, rows, columns, wells, null, null);
	}

	/**
	 * @param plate  an HCS plate's metadata
	 * @param format a format holding every position of the plate (see {@link #positionsOf(ZarrPlate)})
	 * @return the plate's own grid
	 */
	static PlateGrid of(ZarrPlate plate, PlateFormat format) {
		int[][] positions = positionsOf(plate);
		int rows = plate.rows().size();
		int columns = plate.columns().size();
		int[] wells = new int[rows * columns];
		Arrays.fill(wells, -1);
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				int pr = positions[0][r];
				int pc = positions[1][c];
				if (pr < format.rows() && pc < format.columns()) {
					wells[r * columns + c] = format.index(pr, pc);
				}
			}
		}
		BitSet present = new BitSet();
		for (ZarrPlate.Well well : plate.wells()) {
			present.set(well.row() * columns + well.column());
		}
		String name = plate.name().isEmpty() ? plate.key() : plate.name();
		return new PlateGrid(format, plate.rows(), plate.columns(), wells, present, name);
	}

	/**
	 * Where a plate's rows and columns lie in a standard layout: a row named {@code B} is row 1, a
	 * column named {@code 07} is column 6 (as the table's well names parse); a name that does not parse
	 * keeps its index.
	 *
	 * @param plate a plate
	 * @return {row positions, column positions}, zero-based
	 */
	static int[][] positionsOf(ZarrPlate plate) {
		int[] rows = new int[plate.rows().size()];
		for (int r = 0; r < rows.length; r++) {
			int p = WellPosition.parseRow(plate.rows().get(r));
			rows[r] = p >= 0 ? p : r;
		}
		int[] columns = new int[plate.columns().size()];
		for (int c = 0; c < columns.length; c++) {
			int p = WellPosition.parseColumn(plate.columns().get(c));
			columns[c] = p >= 0 ? p : c;
		}
		return new int[][] { rows, columns };
	}

	/** @return the number of rows drawn */
	int rows() {
		return rowNames.size();
	}

	/** @return the number of columns drawn */
	int columns() {
		return columnNames.size();
	}

	/**
	 * @param row    a grid row
	 * @param column a grid column
	 * @return the format's well index there, -1 if the cell is no well
	 */
	int well(int row, int column) {
		int cell = row * columns() + column;
		return present != null && !present.get(cell) ? -1 : wellOfCell[cell];
	}

	/**
	 * @param row    a grid row
	 * @param column a grid column
	 * @return whether the cell is a well of the plate
	 */
	boolean isWell(int row, int column) {
		return present == null || present.get(row * columns() + column);
	}

	/**
	 * @param well a well index of the format
	 * @return its cell, {@code row * columns + column}, or -1 when the grid does not show it
	 */
	int cellOf(int well) {
		for (int cell = 0; cell < wellOfCell.length; cell++) {
			if (wellOfCell[cell] == well) {
				return cell;
			}
		}
		return -1;
	}

	/**
	 * @param well a well index of the format
	 * @return its name on this grid, e.g. {@code B07}, or the format's name when the grid does not show it
	 */
	String name(int well) {
		int cell = cellOf(well);
		if (cell < 0 || present == null) {
			return format.name(well);
		}
		String column = columnNames.get(cell % columns());
		return rowNames.get(cell / columns()) + (column.length() == 1 && Character.isDigit(column.charAt(0)) ? "0" : "") + column;
	}
}
