// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.plate;

import java.util.Locale;

/**
 * A well's zero-based row and column, parsed from names like {@code A01}, {@code A1},
 * {@code b12}, {@code B-07} or {@code AF48}: one or two letters (case-insensitive; A-Z are rows
 * 1-26, AA-AF rows 27-32), optionally one separator ({@code -}, {@code _}, {@code :} or a blank),
 * then a 1-2 digit column from 1 to 48. Surrounding blanks are ignored.
 *
 * @param row zero-based row (A = 0)
 * @param column zero-based column (1 = 0)
 */
public record WellPosition(int row, int column) {

    /** The largest row count a format has (1536 wells). */
    public static final int MAX_ROWS = 32;
    /** The largest column count a format has (1536 wells). */
    public static final int MAX_COLUMNS = 48;

    private static final String SEPARATORS = "-_: ";

    /** Validates the position. */
    public WellPosition {
        if (row < 0 || row >= MAX_ROWS || column < 0 || column >= MAX_COLUMNS) {
            throw new IllegalArgumentException("well position outside a 1536-well plate: row " + row + ", column "
                    + column);
        }
    }

    /**
     * @param name a well name
     * @return its position
     * @throws IllegalArgumentException naming the value when it is not a well name
     */
    public static WellPosition parse(String name) {
        String why = problem(name);
        if (why != null) {
            throw new IllegalArgumentException("'" + name + "' is not a well name (" + why + ")");
        }
        String s = normalise(name);
        int letters = Character.isLetter(s.charAt(1)) ? 2 : 1;
        int row = letters == 1 ? s.charAt(0) - 'A' : 26 * (s.charAt(0) - 'A' + 1) + s.charAt(1) - 'A';
        int column = Integer.parseInt(s.substring(letters)) - 1;
        return new WellPosition(row, column);
    }

    /** @return why the name does not parse, or null when it does */
    private static String problem(String name) {
        if (name == null) {
            return "missing";
        }
        String s = normalise(name);
        int letters = 0;
        while (letters < s.length() && s.charAt(letters) >= 'A' && s.charAt(letters) <= 'Z') {
            letters++;
        }
        int digits = s.length() - letters;
        if (letters == 0 || letters > 2 || digits == 0 || digits > 2) {
            return "expected 1-2 letters and 1-2 digits, like A01 or AF48";
        }
        for (int i = letters; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return "expected 1-2 letters and 1-2 digits, like A01 or AF48";
            }
        }
        if (letters == 2 && (s.charAt(0) != 'A' || s.charAt(1) > 'F')) {
            return "rows go up to AF on a 1536-well plate";
        }
        int column = Integer.parseInt(s.substring(letters));
        if (column < 1 || column > MAX_COLUMNS) {
            return "columns go from 1 to 48";
        }
        return null;
    }

    /** @return the name upper-cased, without surrounding blanks and without one separator after the letters */
    private static String normalise(String name) {
        String s = name.strip().toUpperCase(Locale.ROOT);
        int letters = 0;
        while (letters < s.length() && s.charAt(letters) >= 'A' && s.charAt(letters) <= 'Z') {
            letters++;
        }
        if (letters > 0 && letters < s.length() - 1 && SEPARATORS.indexOf(s.charAt(letters)) >= 0) {
            s = s.substring(0, letters) + s.substring(letters + 1);
        }
        return s;
    }

    /**
     * A row given on its own, as in a table with separate well row and column columns.
     *
     * @param text a row name: letters ({@code A}, {@code b}, {@code AF}) or a 1-based number
     * @return the zero-based row, or -1 when the text is not a row of a 1536-well plate
     */
    public static int parseRow(String text) {
        if (text == null) {
            return -1;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z') {
            return s.charAt(0) - 'A';
        }
        if (s.length() == 2 && s.charAt(0) == 'A' && s.charAt(1) >= 'A' && s.charAt(1) <= 'F') {
            return 26 + s.charAt(1) - 'A';
        }
        return oneBased(s, MAX_ROWS);
    }

    /**
     * A column given on its own.
     *
     * @param text a 1-based column number, e.g. {@code 7} or {@code 07}
     * @return the zero-based column, or -1 when the text is not a column of a 1536-well plate
     */
    public static int parseColumn(String text) {
        return text == null ? -1 : oneBased(text.strip(), MAX_COLUMNS);
    }

    /**
     * @param value a 1-based row or column number
     * @param limit the largest allowed
     * @return the zero-based index, or -1 when {@code value} is not a whole number in [1, limit]
     */
    public static int oneBased(double value, int limit) {
        return value >= 1 && value <= limit && value == Math.rint(value) ? (int) value - 1 : -1;
    }

    private static int oneBased(String s, int limit) {
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return oneBased(Integer.parseInt(s), limit);
    }

    /** @return the canonical name: row letters and a two-digit column, e.g. {@code A01} */
    @Override
    public String toString() {
        String letters = row < 26 ? String.valueOf((char) ('A' + row))
                : "" + (char) ('A' + row / 26 - 1) + (char) ('A' + row % 26);
        return letters + (column < 9 ? "0" : "") + (column + 1);
    }
}
