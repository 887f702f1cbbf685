// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

/** The standard microplate formats, rows by columns. */
public enum PlateFormat {
    /** 96 wells: rows A-H, columns 1-12. */
    WELLS_96(8, 12),
    /** 384 wells: rows A-P, columns 1-24. */
    WELLS_384(16, 24),
    /** 1536 wells: rows A-Z then AA-AF, columns 1-48. */
    WELLS_1536(32, 48);

    private final int rows;
    private final int columns;

    PlateFormat(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int columns() {
        return columns;
    }

    /** @return the number of wells */
    public int wells() {
        return rows * columns;
    }

    /**
     * @param row zero-based row
     * @param column zero-based column
     * @return the well index {@code row * columns + column}
     */
    public int index(int row, int column) {
        return row * columns + column;
    }

    /**
     * @param wellIndex a well index of this format
     * @return its name, e.g. {@code B07} or {@code AF48}
     */
    public String name(int wellIndex) {
        return new WellPosition(wellIndex / columns, wellIndex % columns).toString();
    }

    /**
     * @param maxRow the largest zero-based row seen
     * @param maxColumn the largest zero-based column seen
     * @return the smallest format holding both (partial plates get the format they fit in)
     * @throws IllegalArgumentException when even 1536 wells are too few
     */
    public static PlateFormat smallestFitting(int maxRow, int maxColumn) {
        for (PlateFormat f : values()) {
            if (maxRow < f.rows && maxColumn < f.columns) {
                return f;
            }
        }
        throw new IllegalArgumentException("no plate format has row " + (maxRow + 1) + " and column "
                + (maxColumn + 1) + "; the largest is 1536 wells (32 x 48)");
    }
}
