// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The HCS metadata of an OME-Zarr plate ({@code plate} attributes, NGFF 0.4/0.5): row and column
 * names, the wells present and the most fields per well. A table row points at a field by key,
 * {@code plate.zarr/B/3/0}; {@link #fieldKeys(ImageStore, Well)} lists a well's fields from its
 * {@code well} attributes, {@link #well(String, String)} finds a well from plate-map names.
 *
 * @param key        the plate's key
 * @param name       the plate's name, or empty
 * @param rows       the row names (e.g. A, B...)
 * @param columns    the column names (e.g. 1, 2...)
 * @param wells      the wells present
 * @param fieldCount the most fields a well has, 0 if the plate does not say
 */
public record ZarrPlate(String key, String name, List<String> rows, List<String> columns, List<Well> wells, int fieldCount) {

    /** {@code B07}, {@code b7}, {@code B-07}, {@code B_7}, {@code B 07}. */
    private static final Pattern LETTERS_NUMBER = Pattern.compile("\\s*([A-Za-z]+)[\\s_-]*(\\d+)\\s*");
    /** {@code r02c07} (1-based row and column numbers, as Operetta/Harmony write them). */
    private static final Pattern ROW_COLUMN = Pattern.compile("\\s*[rR](\\d+)\\s*[cC](\\d+)\\s*");
    /** {@code B/7} (a well's path). */
    private static final Pattern PATH = Pattern.compile("\\s*([^/\\s]+)\\s*/\\s*([^/\\s]+)\\s*");

    /**
     * One well.
     *
     * @param path   its path below the plate, e.g. {@code B/3}
     * @param row    its row index into {@link ZarrPlate#rows()}
     * @param column its column index into {@link ZarrPlate#columns()}
     */
    public record Well(String path, int row, int column) {
    }

    /** Copies. */
    public ZarrPlate {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        wells = List.copyOf(wells);
    }

    /**
     * Reads a plate's metadata.
     *
     * @param store the store
     * @param key   the plate's key, e.g. {@code screen/plate1.ome.zarr}
     * @return the plate
     * @throws ImageAccessException if the key holds no plate or its metadata is malformed
     */
    public static ZarrPlate read(ImageStore store, String key) throws ImageAccessException {
        String group = ImageKeys.normalize(key, store.describe());
        JsonNode attributes = ZarrJson.attributes(store, group).orElseThrow(() -> new MissingImageException(
                "OME-Zarr plate '" + key + "' not found: neither zarr.json nor .zattrs exists there.")).attributes();
        if (!attributes.has("plate")) {
            throw new ImageAccessException("Zarr group '" + key + "' is not an HCS plate (no 'plate' in its attributes).");
        }
        return of(group, attributes);
    }

    /**
     * Reads the plate metadata at the store's root, for an image root that is itself a plate folder.
     *
     * @param store the store
     * @return the plate, with the empty key, or empty when the root holds no Zarr group with a {@code plate}
     * @throws ImageAccessException if the root's metadata cannot be read or is malformed
     */
    public static Optional<ZarrPlate> readRoot(ImageStore store) throws ImageAccessException {
        Optional<ZarrJson.Attributes> attributes = ZarrJson.attributes(store, "");
        if (attributes.isEmpty() || !attributes.get().attributes().has("plate")) {
            return Optional.empty();
        }
        return Optional.of(of("", attributes.get().attributes()));
    }

    /**
     * @param path a path below the plate, e.g. {@code B/3}
     * @return its key in the store: {@code plate.zarr/B/3}, or {@code B/3} for a plate at the store's root
     */
    public String child(String path) {
        return key.isEmpty() ? path : key + "/" + path;
    }

    static ZarrPlate of(String key, JsonNode attributes) throws ImageAccessException {
        JsonNode plate = attributes.path("plate");
        List<String> rows = names(plate.path("rows"));
        List<String> columns = names(plate.path("columns"));
        List<Well> wells = new ArrayList<>();
        for (JsonNode well : plate.path("wells")) {
            String path = ZarrJson.text(well.get("path"));
            if (path == null) {
                throw new ImageAccessException("OME-Zarr plate '" + key + "' lists a well without a 'path'.");
            }
            int row = well.has("rowIndex") ? well.path("rowIndex").asInt(-1) : rowFromPath(path, rows, 0);
            int column = well.has("columnIndex") ? well.path("columnIndex").asInt(-1) : rowFromPath(path, columns, 1);
            if (row < 0 || row >= rows.size() || column < 0 || column >= columns.size()) {
                throw new ImageAccessException("OME-Zarr plate '" + key + "' lists well '" + path + "' outside its " + rows.size()
                        + " rows and " + columns.size() + " columns.");
            }
            wells.add(new Well(path, row, column));
        }
        return new ZarrPlate(key, plate.path("name").asText(""), rows, columns, wells, plate.path("field_count").asInt(0));
    }

    private static int rowFromPath(String path, List<String> names, int part) {
        String[] parts = path.split("/");
        return parts.length > part ? names.indexOf(parts[part]) : -1;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : list) {
            names.add(n.path("name").asText());
        }
        return names;
    }

    /**
     * @param row    a row name, e.g. {@code B}
     * @param column a column name, e.g. {@code 3}
     * @return the well, if the plate has it
     */
    public Optional<Well> well(String row, String column) {
        int r = rows.indexOf(row);
        int c = columns.indexOf(column);
        return wells.stream().filter(w -> w.row() == r && w.column() == c).findFirst();
    }

    /**
     * Finds a well by the name a table gives it: {@code B07}, {@code B7}, {@code b-07} (row name and
     * column number, compared without case and leading zeros), {@code r02c07} (1-based row and column
     * numbers) or the well's path {@code B/7}.
     *
     * @param text a well name
     * @return the well, if the plate has it
     */
    public Optional<Well> wellNamed(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int row = -1;
        int column = -1;
        Matcher m = ROW_COLUMN.matcher(text);
        if (m.matches()) {
            row = rowNumbered(m.group(1));
            column = columnNumbered(m.group(2));
        } else if ((m = LETTERS_NUMBER.matcher(text)).matches()) {
            row = indexIgnoringCase(rows, m.group(1));
            column = columnNumbered(m.group(2));
        } else if ((m = PATH.matcher(text)).matches()) {
            row = indexIgnoringCase(rows, m.group(1));
            column = columns.indexOf(m.group(2));
            if (column < 0) {
                column = columnNumbered(m.group(2));
            }
        }
        return well(row, column);
    }

    /**
     * @param row    a row index into {@link #rows()}
     * @param column a column index into {@link #columns()}
     * @return the well at that position, if the plate has one there
     */
    public Optional<Well> well(int row, int column) {
        if (row < 0 || column < 0) {
            return Optional.empty();
        }
        for (Well w : wells) {
            if (w.row() == row && w.column() == column) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** @return a row index from a 1-based row number: the row named by the number, else the number-th row */
    private int rowNumbered(String digits) {
        int byName = numbered(rows, digits);
        if (byName >= 0) {
            return byName;
        }
        int n = parse(digits);
        return n >= 1 && n <= rows.size() ? n - 1 : -1;
    }

    /** @return the column whose name is the number (ignoring leading zeros), else -1 */
    private int columnNumbered(String digits) {
        return numbered(columns, digits);
    }

    private static int numbered(List<String> names, String digits) {
        int n = parse(digits);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.equals(digits) || !name.isEmpty() && name.chars().allMatch(Character::isDigit) && parse(name) == n && n >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int indexIgnoringCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param store the store the plate was read from
     * @param well  one of {@link #wells()}
     * @return the keys of the well's fields (images), e.g. {@code plate.zarr/B/3/0}, in the well's order
     * @throws ImageAccessException if the well's metadata cannot be read
     */
    public List<String> fieldKeys(ImageStore store, Well well) throws ImageAccessException {
        String wellKey = child(well.path());
        JsonNode attributes = ZarrJson.attributes(store, wellKey).orElseThrow(() -> new MissingImageException(
                "OME-Zarr well '" + wellKey + "' not found: neither zarr.json nor .zattrs exists there.")).attributes();
        List<String> keys = new ArrayList<>();
        for (JsonNode image : attributes.path("well").path("images")) {
            String path = ZarrJson.text(image.get("path"));
            if (path != null) {
                keys.add(wellKey + "/" + path);
            }
        }
        return keys;
    }
}
