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

    private final PlateFormat format;
    private final int[] wellOfRow;

    private PlateLayout(PlateFormat format, int[] wellOfRow) {
        this.format = format;
        this.wellOfRow = wellOfRow;
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
