// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.idx.core.CategoricalColumn;
import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.core.NumericColumn;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.PlatePath;

/**
 * The image key of each row of a table, the one rule the image viewers, the gallery and the
 * configuration preview share. A row's value in the {@link ColumnRole#IMAGE} column is its key (it
 * may point into a Zarr, e.g. {@code plate.zarr/B/3/0}). A row without one, when the image root is
 * (or holds, where its {@link org.idx.images.PlatePath plate path} says) OME-Zarr HCS plates, gets
 * the key of a field image built from its
 * {@link ColumnRole#PLATE}, {@link ColumnRole#WELL} and {@link ColumnRole#FIELD} values through the
 * plates' metadata (see {@link HcsPlates}, {@link ZarrPlate#wellNamed(String)}); the field is a
 * 0-based index into the well's images, 1-based when no row has field 0 and some row names the
 * well's last field + 1; without a field column it is the first field.
 * <p>
 * {@link #paths(DataTable)} knows only the image column and reads nothing; {@link #resolve} reads
 * the plates' and wells' metadata once and resolves every row into an {@code int} per row (no
 * object per row), so asking for a row's key afterwards costs an array look-up. The views of a dataset
 * resolve through its image root ({@link #resolve(DataTable, ImageRoot, BooleanSupplier)}), whose
 * plates they share ({@link HcsPlates#of(ImageRoot)}): each metadata object is read once per dataset.
 * Immutable and thread-safe once built.
 */
public final class RowImageKeys {

    private static final int NO_VALUE = -1;
    private static final int PLATE_NOT_FOUND = -2;
    private static final int WELL_NOT_FOUND = -3;
    private static final int FIELD_OUT_OF_RANGE = -4;
    private static final int FIELD_NOT_WHOLE = -5;
    private static final int WELL_UNREADABLE = -6;

    private final DataTable table;
    private final ColumnRoles roles;
    private final Column image;
    private final Column plate;
    private final Column well;
    private final Column field;
    /** Why the plate form is not available (no plates, no well column...), or null when it is. */
    private final String noPlates;
    private final List<String> keys;
    private final int[] keyOfRow;
    private final int[] slotOfRow;
    private final List<Slot> slots;
    private final HcsPlates plates;
    private final boolean oneBasedFields;
    private final Map<String, ZarrPlate> plateOfValue;

    /** One (plate, well) pair the table names: the plate, the well, its fields or why it has none. */
    private record Slot(String plateText, ZarrPlate plate, ZarrPlate.Well well, int firstKey, int fieldCount, String problem) {
    }

    private RowImageKeys(DataTable table, ColumnRoles roles, String noPlates, List<String> keys, int[] keyOfRow, int[] slotOfRow,
            List<Slot> slots, HcsPlates plates, boolean oneBasedFields) {
        this.table = table;
        this.roles = roles;
        this.image = column(table, roles, ColumnRole.IMAGE);
        this.plate = column(table, roles, ColumnRole.PLATE);
        this.well = column(table, roles, ColumnRole.WELL);
        this.field = column(table, roles, ColumnRole.FIELD);
        this.noPlates = noPlates;
        this.keys = keys;
        this.keyOfRow = keyOfRow;
        this.slotOfRow = slotOfRow;
        this.slots = slots;
        this.plates = plates;
        this.oneBasedFields = oneBasedFields;
        Map<String, ZarrPlate> byValue = new HashMap<>();
        for (Slot slot : slots) {
            if (slot.plate != null) {
                byValue.put(slot.plateText == null ? "" : slot.plateText, slot.plate);
            }
        }
        this.plateOfValue = Map.copyOf(byValue);
    }

    private static Column column(DataTable table, ColumnRoles roles, ColumnRole role) {
        return roles.column(role).flatMap(table::findColumn).orElse(null);
    }

    /**
     * Keys from the image column alone; reads nothing, so the UI thread may call it.
     *
     * @param table a table
     * @return the keys of its rows' image column values
     */
    public static RowImageKeys paths(DataTable table) {
        return paths(table, table.roles());
    }

    /**
     * Like {@link #paths(DataTable)} with roles that are not (yet) the table's, e.g. while they are edited.
     *
     * @param table a table
     * @param roles the roles to use
     * @return the keys of its rows' image column values
     */
    public static RowImageKeys paths(DataTable table, ColumnRoles roles) {
        return new RowImageKeys(table, roles, "the image root's plates were not looked at", List.of(), null, null, List.of(), null, false);
    }

    /**
     * Resolves every row: its image column value or, failing that, its plate/well/field through the
     * plates of the store. Reads plate and well metadata: call it off the UI thread.
     *
     * @param table     a table
     * @param store     the dataset's image store, or null when it cannot be opened
     * @param cancelled polled between wells; when it says true the work stops and the result resolves image columns only
     * @return the keys
     */
    public static RowImageKeys resolve(DataTable table, ImageStore store, BooleanSupplier cancelled) {
        return resolve(table, table.roles(), store, cancelled);
    }

    /**
     * Like {@link #resolve(DataTable, ImageStore, BooleanSupplier)} with roles that are not (yet) the table's.
     *
     * @param table     a table
     * @param roles     the roles to use
     * @param store     the dataset's image store, or null when it cannot be opened
     * @param cancelled polled between rows
     * @return the keys
     */
    public static RowImageKeys resolve(DataTable table, ColumnRoles roles, ImageStore store, BooleanSupplier cancelled) {
        return resolve(table, roles, store, PlatePath.DEFAULT, cancelled);
    }

    /**
     * Like {@link #resolve(DataTable, ColumnRoles, ImageStore, BooleanSupplier)} with plates where a plate path
     * says (e.g. one being configured, not yet the dataset's).
     *
     * @param table     a table
     * @param roles     the roles to use
     * @param store     the dataset's image store, or null when it cannot be opened
     * @param platePath where the plates lie below the store's root
     * @param cancelled polled between rows
     * @return the keys
     */
    public static RowImageKeys resolve(DataTable table, ColumnRoles roles, ImageStore store, PlatePath platePath,
            BooleanSupplier cancelled) {
        if (store == null) {
            return new RowImageKeys(table, roles, "the image root cannot be opened", List.of(), null, null, List.of(), null, false);
        }
        if (column(table, roles, ColumnRole.WELL) == null) {
            return noWellColumn(table, roles);
        }
        HcsPlates plates;
        try {
            plates = HcsPlates.open(store, platePath);
        } catch (ImageAccessException e) {
            return unreadable(table, roles, e);
        }
        return new Builder(table, roles, plates, cancelled).build();
    }

    /**
     * Resolves every row like {@link #resolve(DataTable, ColumnRoles, ImageStore, BooleanSupplier)}, through
     * the plates of a dataset's image root that every view of the dataset shares ({@link HcsPlates#of(ImageRoot)}),
     * where the root's {@link ImageRoot#platePath() plate path} says: the plate and well metadata is read
     * once for all of them. Call it off the UI thread.
     *
     * @param table     a table
     * @param roles     the roles to use
     * @param images    the dataset's image root
     * @param cancelled polled between rows
     * @return the keys
     */
    public static RowImageKeys resolve(DataTable table, ColumnRoles roles, ImageRoot images, BooleanSupplier cancelled) {
        if (column(table, roles, ColumnRole.WELL) == null) {
            return noWellColumn(table, roles);
        }
        HcsPlates plates;
        try {
            images.store();
        } catch (ImageAccessException e) {
            return new RowImageKeys(table, roles, "the image root cannot be opened", List.of(), null, null, List.of(), null, false);
        }
        try {
            plates = HcsPlates.of(images);
        } catch (ImageAccessException e) {
            return unreadable(table, roles, e);
        }
        return new Builder(table, roles, plates, cancelled).build();
    }

    /**
     * Like {@link #resolve(DataTable, ColumnRoles, ImageRoot, BooleanSupplier)} with the table's roles.
     *
     * @param table     a table
     * @param images    the dataset's image root
     * @param cancelled polled between rows
     * @return the keys
     */
    public static RowImageKeys resolve(DataTable table, ImageRoot images, BooleanSupplier cancelled) {
        return resolve(table, table.roles(), images, cancelled);
    }

    /**
     * Resolves every row through plates already opened (e.g. with a plate path being edited). Reads well
     * metadata the plates do not hold yet: call it off the UI thread.
     *
     * @param table     a table
     * @param roles     the roles to use
     * @param plates    the plates of the dataset's image root
     * @param cancelled polled between rows
     * @return the keys
     */
    public static RowImageKeys resolve(DataTable table, ColumnRoles roles, HcsPlates plates, BooleanSupplier cancelled) {
        if (column(table, roles, ColumnRole.WELL) == null) {
            return noWellColumn(table, roles);
        }
        return new Builder(table, roles, plates, cancelled).build();
    }

    private static RowImageKeys noWellColumn(DataTable table, ColumnRoles roles) {
        return new RowImageKeys(table, roles, "no column has the role WELL", List.of(), null, null, List.of(), null, false);
    }

    private static RowImageKeys unreadable(DataTable table, ColumnRoles roles, ImageAccessException e) {
        return new RowImageKeys(table, roles, "the image root's plate metadata cannot be read: " + e.getMessage(), List.of(), null,
                null, List.of(), null, false);
    }

    /** Resolves all rows in two passes: (plate, well) slots first, then fields once the numbering is known. */
    private static final class Builder {
        private final DataTable table;
        private final ColumnRoles roles;
        private final HcsPlates plates;
        private final BooleanSupplier cancelled;
        private final Column plateColumn;
        private final Column wellColumn;
        private final Column fieldColumn;
        private final List<Slot> slots = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final Map<Long, Integer> slotOf = new HashMap<>();
        private final Map<String, Optional<ZarrPlate>> plateOf = new HashMap<>();
        private final Map<String, String> plateProblems = new HashMap<>();
        private final boolean oneDistinctPlate;

        Builder(DataTable table, ColumnRoles roles, HcsPlates plates, BooleanSupplier cancelled) {
            this.table = table;
            this.roles = roles;
            this.plates = plates;
            this.cancelled = cancelled;
            this.plateColumn = column(table, roles, ColumnRole.PLATE);
            this.wellColumn = column(table, roles, ColumnRole.WELL);
            this.fieldColumn = column(table, roles, ColumnRole.FIELD);
            this.oneDistinctPlate = plateColumn == null || distinctAtMostOne(plateColumn);
        }

        RowImageKeys build() {
            int n = table.rowCount();
            int[] plateCode = Codes.of(plateColumn, n);
            int[] wellCode = Codes.of(wellColumn, n);
            String[] plateNames = Codes.names(plateColumn);
            String[] wellNames = Codes.names(wellColumn);
            int[] slotOfRow = new int[n];
            for (int row = 0; row < n; row++) {
                if ((row & 0xFFFF) == 0 && cancelled.getAsBoolean()) {
                    return cancelled();
                }
                int w = wellCode[row];
                int p = plateColumn == null ? 0 : plateCode[row];
                if (w < 0 || p < 0) {
                    slotOfRow[row] = NO_VALUE;
                    continue;
                }
                long pair = ((long) p << 32) | w;
                Integer slot = slotOf.get(pair);
                if (slot == null) {
                    if (cancelled.getAsBoolean()) {
                        return cancelled();
                    }
                    slot = slots.size();
                    slots.add(slot(plateColumn == null ? null : plateNames[p], wellNames[w]));
                    slotOf.put(pair, slot);
                }
                slotOfRow[row] = slot;
            }
            boolean oneBased = oneBased(slotOfRow);
            int[] keyOfRow = new int[n];
            NumericColumn numericField = fieldColumn instanceof NumericColumn nc ? nc : null;
            for (int row = 0; row < n; row++) {
                int s = slotOfRow[row];
                if (s < 0) {
                    keyOfRow[row] = NO_VALUE;
                    continue;
                }
                Slot slot = slots.get(s);
                if (slot.plate == null) {
                    keyOfRow[row] = PLATE_NOT_FOUND;
                } else if (slot.well == null) {
                    keyOfRow[row] = WELL_NOT_FOUND;
                } else if (slot.problem != null) {
                    keyOfRow[row] = WELL_UNREADABLE;
                } else {
                    int f;
                    if (fieldColumn == null) {
                        f = 0;
                    } else if (fieldColumn.isNA(row)) {
                        keyOfRow[row] = NO_VALUE;
                        continue;
                    } else {
                        double v = numericField != null ? numericField.value(row) : number(fieldColumn.text(row));
                        if (v != Math.rint(v) || Double.isNaN(v)) {
                            keyOfRow[row] = FIELD_NOT_WHOLE;
                            continue;
                        }
                        f = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)) - (oneBased ? 1 : 0);
                    }
                    keyOfRow[row] = f < 0 || f >= slot.fieldCount ? FIELD_OUT_OF_RANGE : slot.firstKey + f;
                }
            }
            boolean anyPlate = plates.root().isPresent() || !plates.found().isEmpty() || !plateProblems.isEmpty();
            String where = plates.platePath().isDefault() ? "" : " (plate path setting '" + plates.platePath().text() + "')";
            String noPlates = anyPlate ? null
                    : plates.root().isEmpty() && plateColumn == null
                            ? (plates.platePath().isDefault() || plates.platePath().isPattern()
                                    ? "the image root " + plates.store().describe()
                                    : "the folder " + plates.platePath().folder() + " below the image root " + plates.store().describe())
                                    + " is not an OME-Zarr plate" + where
                            : plates.platePath().isPattern()
                                    ? "no key the plate path setting '" + plates.platePath().text() + "' gives below the image root "
                                            + plates.store().describe() + " is an OME-Zarr plate"
                                    : "neither the " + (plates.platePath().isDefault() ? "image root " + plates.store().describe()
                                            : "folder " + plates.platePath().folder() + " below the image root "
                                                    + plates.store().describe())
                                            + " nor a folder named after a plate below it is an OME-Zarr plate" + where;
            return new RowImageKeys(table, roles, noPlates, List.copyOf(keys), keyOfRow, slotOfRow, List.copyOf(slots), plates, oneBased);
        }

        private RowImageKeys cancelled() {
            return new RowImageKeys(table, roles, "resolving was cancelled", List.of(), null, null, List.of(), null, false);
        }

        private Slot slot(String plateText, String wellText) {
            Optional<ZarrPlate> p = plate(plateText);
            if (p.isEmpty()) {
                return new Slot(plateText, null, null, -1, 0, plateProblems.get(plateText == null ? "" : plateText));
            }
            Optional<ZarrPlate.Well> w = p.get().wellNamed(wellText);
            if (w.isEmpty()) {
                return new Slot(plateText, p.get(), null, -1, 0, null);
            }
            try {
                List<String> fields = plates.fields(p.get(), w.get());
                int first = keys.size();
                keys.addAll(fields);
                return new Slot(plateText, p.get(), w.get(), first, fields.size(), null);
            } catch (ImageAccessException e) {
                return new Slot(plateText, p.get(), w.get(), -1, 0, e.getMessage());
            }
        }

        private Optional<ZarrPlate> plate(String name) {
            return plateOf.computeIfAbsent(name == null ? "" : name, k -> {
                try {
                    if (name == null) {
                        return plates.root();
                    }
                    Optional<ZarrPlate> root = plates.root();
                    if (root.isPresent() && (oneDistinctPlate || root.get().name().equals(name))) {
                        return root;
                    }
                    return plates.below(name);
                } catch (ImageAccessException e) {
                    plateProblems.put(k, e.getMessage());
                    return Optional.empty();
                }
            });
        }

        /** Fields count from 1 when no row has field 0 and some row names one past its well's last 0-based field. */
        private boolean oneBased(int[] slotOfRow) {
            if (fieldColumn == null) {
                return false;
            }
            boolean zero = false;
            boolean pastEnd = false;
            for (int row = 0; row < slotOfRow.length && !zero; row++) {
                if (fieldColumn.isNA(row)) {
                    continue;
                }
                double v = fieldColumn instanceof NumericColumn nc ? nc.value(row) : number(fieldColumn.text(row));
                zero = v == 0;
                int s = slotOfRow[row];
                pastEnd |= s >= 0 && slots.get(s).fieldCount > 0 && v == slots.get(s).fieldCount;
            }
            return !zero && pastEnd;
        }

        private static boolean distinctAtMostOne(Column column) {
            String first = null;
            for (int row = 0; row < column.size(); row++) {
                String text = column.text(row);
                if (text == null) {
                    continue;
                }
                if (first == null) {
                    first = text;
                } else if (!first.equals(text)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static double number(String text) {
        try {
            return text == null ? Double.NaN : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Dictionary codes of a column: a categorical column's own, else one per distinct text. */
    private static final class Codes {
        private Codes() {
        }

        static int[] of(Column column, int n) {
            int[] codes = new int[n];
            if (column == null) {
                return codes;
            }
            if (column instanceof CategoricalColumn categorical) {
                for (int i = 0; i < n; i++) {
                    codes[i] = categorical.code(i);
                }
                return codes;
            }
            Map<String, Integer> dictionary = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String text = column.text(i);
                codes[i] = text == null || text.isBlank() ? -1 : dictionary.computeIfAbsent(text.strip(), k -> dictionary.size());
            }
            return codes;
        }

        static String[] names(Column column) {
            if (column == null) {
                return new String[0];
            }
            if (column instanceof CategoricalColumn categorical) {
                return categorical.levels().stream().map(String::strip).toArray(String[]::new);
            }
            Map<String, Integer> dictionary = new HashMap<>();
            for (int i = 0; i < column.size(); i++) {
                String text = column.text(i);
                if (text != null && !text.isBlank()) {
                    dictionary.computeIfAbsent(text.strip(), k -> dictionary.size());
                }
            }
            String[] names = new String[dictionary.size()];
            dictionary.forEach((name, code) -> names[code] = name);
            return names;
        }
    }

    // ---------------------------------------------------------------- asking

    /** @return the table the keys are for */
    public DataTable table() {
        return table;
    }

    /** @return the roles the keys were resolved with */
    public ColumnRoles roles() {
        return roles;
    }

    /** @return whether some rows get their key from plate metadata (the image root is, or holds, HCS plates) */
    public boolean fromPlates() {
        return noPlates == null;
    }

    /** @return why rows cannot get keys from plate metadata, or empty when they can */
    public Optional<String> whyNoPlates() {
        return Optional.ofNullable(noPlates);
    }

    /** @return the plates found (the image root's first), empty when none */
    public List<ZarrPlate> plates() {
        return plates == null ? List.of() : plates.plates();
    }

    /**
     * @param plateValue a value of the plate column, or null when the table has none
     * @return the plate the table's rows with that value point at, if it was found
     */
    public Optional<ZarrPlate> plateOf(String plateValue) {
        return Optional.ofNullable(plateOfValue.get(plateValue == null ? "" : plateValue.strip()));
    }

    /** @return whether the field column counts from 1 */
    public boolean oneBasedFields() {
        return oneBasedFields;
    }

    /** @return whether any row can have a key: an image column is set, or plate metadata is at hand */
    public boolean canResolve() {
        return image != null || fromPlates();
    }

    /**
     * @param row a row
     * @return its image key
     * @throws ImageAccessException with one sentence naming the row, the column and the value when the row
     *                              has no image or its plate, well or field is not found
     */
    public String key(int row) throws ImageAccessException {
        String path = path(row);
        if (path != null) {
            return path;
        }
        if (keyOfRow == null || noPlates != null) {
            throw new ImageAccessException(noKey(row));
        }
        int k = keyOfRow[row];
        if (k >= 0) {
            return keys.get(k);
        }
        throw new ImageAccessException(problem(row, k));
    }

    /**
     * @param row a row
     * @return its image key, or null when it has none (see {@link #key(int)} for why)
     */
    public String keyOrNull(int row) {
        String path = path(row);
        if (path != null) {
            return path;
        }
        int k = keyOfRow == null ? -1 : keyOfRow[row];
        return k >= 0 ? keys.get(k) : null;
    }

    /** @return the row's image column value, trimmed; null when there is no image column or the value is NA or blank */
    private String path(int row) {
        if (image == null) {
            return null;
        }
        String text = image.text(row);
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String noKey(int row) {
        if (image != null) {
            return "Row " + (row + 1) + " has no image: its value in column " + image.name() + " is empty.";
        }
        return "No image column is configured and " + noPlates
                + ": give a column of image paths the role IMAGE, or point the image root at an OME-Zarr plate.";
    }

    private String problem(int row, int code) {
        String at = "Row " + (row + 1) + ": ";
        Slot slot = slotOfRow[row] >= 0 ? slots.get(slotOfRow[row]) : null;
        return switch (code) {
        case PLATE_NOT_FOUND -> slot.problem != null
                ? at + "plate " + (plate == null ? "" : "'" + slot.plateText + "' (column " + plate.name() + ") ") + "cannot be read: "
                        + slot.problem
                : at + "plate '" + slot.plateText + "' (column " + plate.name() + ") is not found: " + plateCandidates(slot.plateText) + ".";
        case WELL_NOT_FOUND -> at + "well '" + well.text(row).strip() + "' (column " + well.name() + ") is not in plate '"
                + HcsPlates.label(slot.plate) + "', whose " + slot.plate.wells().size() + " wells lie in rows "
                + range(slot.plate.rows()) + " and columns " + range(slot.plate.columns()) + ".";
        case WELL_UNREADABLE -> at + slot.problem;
        case FIELD_OUT_OF_RANGE -> at + "field " + fieldText(row) + " (column " + field.name() + ") is out of range: well "
                + slot.well.path() + " of plate '" + HcsPlates.label(slot.plate) + "' has " + slot.fieldCount + " field"
                + (slot.fieldCount == 1 ? "" : "s") + (slot.fieldCount == 0 ? "" : String.format(Locale.ROOT, " (%d–%d)",
                        oneBasedFields ? 1 : 0, slot.fieldCount - (oneBasedFields ? 0 : 1))) + ".";
        case FIELD_NOT_WHOLE -> at + "field '" + field.text(row) + "' (column " + field.name() + ") is not a whole number.";
        default -> emptyValue(row);
        };
    }

    /** @return the field value as the user typed it: whole numbers without a fraction */
    private String fieldText(int row) {
        if (field instanceof NumericColumn numeric && numeric.value(row) == Math.rint(numeric.value(row))) {
            return Long.toString((long) numeric.value(row));
        }
        return field.text(row);
    }

    private String emptyValue(int row) {
        if (image != null && noPlates != null) {
            return noKey(row);
        }
        Column empty = well != null && well.isNA(row) ? well : plate != null && plate.isNA(row) ? plate : field;
        String which = empty == null ? "well" : empty.name();
        return "Row " + (row + 1) + " has no image: " + (image != null ? "its value in column " + image.name() + " and " : "its ")
                + "value in column " + which + " " + (image != null ? "are" : "is") + " empty.";
    }

    private String plateCandidates(String name) {
        List<String> tried = plates.candidates(name);
        String setting = plates.platePath().isDefault() ? "" : " (plate path setting '" + plates.platePath().text() + "')";
        String folders = tried.isEmpty() ? "the name is not a key below the image root " + plates.store().describe() + setting
                : (tried.size() == 1 ? "" : "no ") + "folder " + String.join(tried.size() == 2 ? " or " : ", ", orList(tried))
                        + " below the image root " + plates.store().describe() + (tried.size() == 1 ? " is not" : " is")
                        + " an OME-Zarr plate" + setting;
        return plates.root().map(r -> "the image root is plate '" + HcsPlates.label(r) + "' and the table names several plates; "
                + folders).orElse(folders);
    }

    /** @return the names, the last joined with "or" when there are more than two */
    private static List<String> orList(List<String> names) {
        if (names.size() <= 2) {
            return names;
        }
        List<String> out = new java.util.ArrayList<>(names.subList(0, names.size() - 1));
        out.set(out.size() - 1, out.get(out.size() - 1) + " or " + names.get(names.size() - 1));
        return out;
    }

    private static String range(List<String> names) {
        return names.isEmpty() ? "(none)" : names.size() == 1 ? names.get(0) : names.get(0) + "–" + names.get(names.size() - 1);
    }
}
