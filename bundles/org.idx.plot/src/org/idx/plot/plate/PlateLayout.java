// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which well each row belongs to, and the plate format. Built from a dictionary-encoded well
 * column: each distinct name is parsed once, so building is O(rows + levels). The format is the
 * smallest of 96, 384 and 1536 wells that holds the largest row and column seen, so a partial
 * plate (only inner wells, only a few columns) gets the format it fits in.
 */
public final class PlateLayout {

    /** A position that is given but does not parse, in {@link #ofPositions}. */
    public static final int INVALID = -2;

    private final PlateFormat format;
    private final int[] wellOfRow;
    private final int unparsed;
    private final int firstUnparsed;

    private PlateLayout(PlateFormat format, int[] wellOfRow) {
        this(format, wellOfRow, 0, -1);
    }

    private PlateLayout(PlateFormat format, int[] wellOfRow, int unparsed, int firstUnparsed) {
        this.format = format;
        this.wellOfRow = wellOfRow;
        this.unparsed = unparsed;
        this.firstUnparsed = firstUnparsed;
    }

    /**
     * Like {@link #of(int[], String[], PlateFormat)}, but a level that is not a well name (or
     * lies outside the given format) does not stop the layout: its rows belong to no well and are
     * counted in {@link #unparsedRows()}, the first of them is {@link #firstUnparsedRow()}.
     *
     * @param codes a level code per row, negative for NA
     * @param levels the well names of the levels
     * @param format the format, or null to detect it from the names that parse
     * @return the layout
     */
    public static PlateLayout lenient(int[] codes, String[] levels, PlateFormat format) {
        int[] rowOfLevel = new int[levels.length];
        int[] columnOfLevel = new int[levels.length];
        for (int c = 0; c < levels.length; c++) {
            try {
                WellPosition p = WellPosition.parse(levels[c]);
                rowOfLevel[c] = p.row();
                columnOfLevel[c] = p.column();
            } catch (IllegalArgumentException e) {
                rowOfLevel[c] = -1;
                columnOfLevel[c] = -1;
            }
        }
        int n = codes.length;
        int[] rows = new int[n];
        int[] columns = new int[n];
        for (int i = 0; i < n; i++) {
            int c = codes[i];
            if (c < 0) {
                rows[i] = -1;
                columns[i] = -1;
            } else {
                rows[i] = rowOfLevel[c] < 0 ? INVALID : rowOfLevel[c];
                columns[i] = columnOfLevel[c] < 0 ? INVALID : columnOfLevel[c];
            }
        }
        return ofPositions(rows, columns, format);
    }

    /**
     * A layout from a well row and a well column per row, as tables with separate row and column
     * columns have them (see {@link WellPosition#parseRow}, {@link WellPosition#parseColumn},
     * {@link WellPosition#oneBased(double, int)}).
     *
     * @param rows a zero-based well row per table row, -1 for NA, {@link #INVALID} when it does not parse
     * @param columns a zero-based well column per table row, likewise
     * @param format the format, or null for the smallest that holds every valid position
     * @return the layout; rows with an invalid part, or outside the format, are counted in
     *         {@link #unparsedRows()}; rows with an NA part belong to no well and are not counted
     */
    public static PlateLayout ofPositions(int[] rows, int[] columns, PlateFormat format) {
        if (rows.length != columns.length) {
            throw new IllegalArgumentException("well rows and columns differ in length: " + rows.length + " vs "
                    + columns.length);
        }
        int n = rows.length;
        int maxRow = 0;
        int maxColumn = 0;
        for (int i = 0; i < n; i++) {
            if (rows[i] >= 0 && columns[i] >= 0) {
                maxRow = Math.max(maxRow, rows[i]);
                maxColumn = Math.max(maxColumn, columns[i]);
            }
        }
        PlateFormat f = format != null ? format
                : PlateFormat.smallestFitting(Math.min(maxRow, WellPosition.MAX_ROWS - 1),
                        Math.min(maxColumn, WellPosition.MAX_COLUMNS - 1));
        int[] wellOfRow = new int[n];
        int unparsed = 0;
        int first = -1;
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            int c = columns[i];
            if (r >= 0 && c >= 0 && r < f.rows() && c < f.columns()) {
                wellOfRow[i] = f.index(r, c);
            } else {
                wellOfRow[i] = -1;
                if (r != -1 && c != -1) {
                    unparsed++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
        }
        return new PlateLayout(f, wellOfRow, unparsed, first);
    }

    /**
     * @param codes a level code per row, negative for NA (such rows belong to no well)
     * @param levels the well names of the levels
     * @param format the format, or null to detect it
     * @return the layout
     * @throws WellNameException when a used level is not a well name or does not fit the
     *         given format; it names the value and the first row that has it
     */
    public static PlateLayout of(int[] codes, String[] levels, PlateFormat format) {
        WellPosition[] positions = new WellPosition[levels.length];
        int[] firstRow = new int[levels.length];
        Arrays.fill(firstRow, -1);
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c >= 0 && firstRow[c] < 0) {
                firstRow[c] = i;
            }
        }
        int maxRow = 0;
        int maxColumn = 0;
        for (int c = 0; c < levels.length; c++) {
            if (firstRow[c] < 0) {
                continue;
            }
            try {
                positions[c] = WellPosition.parse(levels[c]);
            } catch (IllegalArgumentException e) {
                throw new WellNameException(levels[c], firstRow[c], e.getMessage());
            }
            maxRow = Math.max(maxRow, positions[c].row());
            maxColumn = Math.max(maxColumn, positions[c].column());
        }
        PlateFormat f = format != null ? format : PlateFormat.smallestFitting(maxRow, maxColumn);
        int[] level = new int[levels.length];
        for (int c = 0; c < levels.length; c++) {
            WellPosition p = positions[c];
            if (p == null) {
                continue;
            }
            if (p.row() >= f.rows() || p.column() >= f.columns()) {
                throw new WellNameException(levels[c], firstRow[c], "well '" + levels[c] + "' is outside a "
                        + f.wells() + "-well plate (" + f.rows() + " x " + f.columns() + ")");
            }
            level[c] = f.index(p.row(), p.column());
        }
        int[] wellOfRow = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            wellOfRow[i] = codes[i] < 0 ? -1 : level[codes[i]];
        }
        return new PlateLayout(f, wellOfRow);
    }

    /**
     * Convenience for a plain text column; parses every row.
     *
     * @param names a well name per row, null for NA
     * @param format the format, or null to detect it
     * @return the layout
     * @throws WellNameException naming the first bad value and its row
     */
    public static PlateLayout of(String[] names, PlateFormat format) {
        Map<String, Integer> dictionary = new LinkedHashMap<>();
        int[] codes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            codes[i] = names[i] == null ? -1 : dictionary.computeIfAbsent(names[i], k -> dictionary.size());
        }
        return of(codes, dictionary.keySet().toArray(String[]::new), format);
    }

    /** @return the plate format */
    public PlateFormat format() {
        return format;
    }

    /** @return the number of rows of the table */
    public int rowCount() {
        return wellOfRow.length;
    }

    /**
     * @param row a table row
     * @return its well index in {@link #format()}, or -1 for NA
     */
    public int wellOf(int row) {
        return wellOfRow[row];
    }

    /** @return the number of rows whose well does not parse or lies outside the format (they belong to no well) */
    public int unparsedRows() {
        return unparsed;
    }

    /** @return the first such row, or -1 when every well parsed */
    public int firstUnparsedRow() {
        return firstUnparsed;
    }

    /**
     * The rows of some wells of one plate, e.g. those under a rectangle dragged on the map.
     *
     * @param plateCodes a plate code per row (negative for NA), or null for a single plate
     * @param plate the plate code
     * @param wells the well indices
     * @return the rows in those wells of that plate
     */
    public BitSet rowsOf(int[] plateCodes, int plate, BitSet wells) {
        BitSet rows = new BitSet(wellOfRow.length);
        for (int i = 0; i < wellOfRow.length; i++) {
            int w = wellOfRow[i];
            if (w >= 0 && wells.get(w) && (plateCodes == null || plateCodes[i] == plate)) {
                rows.set(i);
            }
        }
        return rows;
    }

    /**
     * How many of some rows (e.g. those selected in another view) lie in each well of one plate.
     *
     * @param plateCodes a plate code per row (negative for NA), or null for a single plate
     * @param plate the plate code
     * @param rows the rows to count
     * @return a count per well index
     */
    public int[] countPerWell(int[] plateCodes, int plate, BitSet rows) {
        int[] counts = new int[format.wells()];
        for (int i = rows.nextSetBit(0); i >= 0 && i < wellOfRow.length; i = rows.nextSetBit(i + 1)) {
            int w = wellOfRow[i];
            if (w >= 0 && (plateCodes == null || plateCodes[i] == plate)) {
                counts[w]++;
            }
        }
        return counts;
    }

    /**
     * The rows of one well, e.g. to select them when the well is clicked.
     *
     * @param plateCodes a plate code per row (negative for NA), or null for a single plate
     * @param plate the plate code
     * @param well the well index
     * @return the rows in that well of that plate
     */
    public BitSet rowsOf(int[] plateCodes, int plate, int well) {
        BitSet rows = new BitSet(wellOfRow.length);
        for (int i = 0; i < wellOfRow.length; i++) {
            if (wellOfRow[i] == well && (plateCodes == null || plateCodes[i] == plate)) {
                rows.set(i);
            }
        }
        return rows;
    }
}
