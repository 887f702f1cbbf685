// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;

/**
 * The OME-Zarr HCS plates of an image root, found by the names a table gives them: the root itself
 * when it is a plate folder, or a plate folder below it named {@code <plate>}, {@code <plate>.zarr} or
 * {@code <plate>.ome.zarr}. Plates and the field lists of their wells are read once and remembered.
 * Works on any {@link ImageStore} (no listing needed, so on S3 too). Reads metadata: call it off the
 * UI thread. Thread-safe.
 */
public final class HcsPlates {

    /** The folder names tried below the root for a plate name, in order. */
    private static final String[] SUFFIXES = { "", ".zarr", ".ome.zarr" };

    private final ImageStore store;
    private final Optional<ZarrPlate> root;
    private final Map<String, Optional<ZarrPlate>> byName = new HashMap<>();
    private final Map<String, List<String>> fields = new HashMap<>();

    private HcsPlates(ImageStore store, Optional<ZarrPlate> root) {
        this.store = store;
        this.root = root;
    }

    /**
     * Looks at the root of a store.
     *
     * @param store the store of a dataset's images
     * @return the plates of that store
     * @throws ImageAccessException if the root's metadata exists but cannot be read
     */
    public static HcsPlates open(ImageStore store) throws ImageAccessException {
        return new HcsPlates(Objects.requireNonNull(store), ZarrPlate.readRoot(store));
    }

    /** @return the store the plates are read from */
    public ImageStore store() {
        return store;
    }

    /** @return the plate at the store's root, if the root is a plate folder */
    public Optional<ZarrPlate> root() {
        return root;
    }

    /**
     * Finds the plate folder below the root for a plate name (the root's own plate is not considered).
     *
     * @param name a plate name as a table spells it
     * @return the plate, or empty when no folder {@code name}, {@code name.zarr} or {@code name.ome.zarr}
     *         holds a plate (a name that is not a safe relative key finds nothing)
     * @throws ImageAccessException if a plate's metadata exists but cannot be read or is malformed
     */
    public synchronized Optional<ZarrPlate> below(String name) throws ImageAccessException {
        Optional<ZarrPlate> known = byName.get(name);
        if (known != null) {
            return known;
        }
        Optional<ZarrPlate> found = Optional.empty();
        for (String suffix : SUFFIXES) {
            String key;
            try {
                key = ImageKeys.normalize(name + suffix, store.describe());
            } catch (ImageAccessException refused) {
                break;
            }
            Optional<ZarrJson.Attributes> attributes = ZarrJson.attributes(store, key);
            if (attributes.isPresent() && attributes.get().attributes().has("plate")) {
                found = Optional.of(ZarrPlate.of(key, attributes.get().attributes()));
                break;
            }
        }
        byName.put(name, found);
        return found;
    }

    /** @return the plate folders found so far by {@link #below(String)}, by the name that found them */
    public synchronized Map<String, ZarrPlate> found() {
        Map<String, ZarrPlate> out = new LinkedHashMap<>();
        byName.forEach((name, plate) -> plate.ifPresent(p -> out.put(name, p)));
        return out;
    }

    /**
     * The field images of a well, read once from its {@code well} metadata.
     *
     * @param plate a plate of this store
     * @param well  one of its wells
     * @return the keys of the well's images in the well's order
     * @throws ImageAccessException if the well's metadata is missing or cannot be read
     */
    public List<String> fields(ZarrPlate plate, ZarrPlate.Well well) throws ImageAccessException {
        String key = plate.child(well.path());
        synchronized (this) {
            List<String> known = fields.get(key);
            if (known != null) {
                return known;
            }
        }
        List<String> read;
        try {
            read = List.copyOf(plate.fieldKeys(store, well));
        } catch (MissingImageException e) {
            throw new MissingImageException("Well " + well.path() + " of plate '" + label(plate) + "' is listed in the plate's "
                    + "metadata, but " + e.getMessage(), e);
        }
        synchronized (this) {
            fields.put(key, read);
        }
        return read;
    }

    /**
     * @param plate a plate
     * @return how messages name it: its name from the metadata, else its folder
     */
    public static String label(ZarrPlate plate) {
        return !plate.name().isEmpty() ? plate.name() : plate.key().isEmpty() ? "(image root)" : plate.key();
    }

    /** @return every plate known so far: the root's first, then the folders found */
    public synchronized List<ZarrPlate> plates() {
        List<ZarrPlate> out = new ArrayList<>();
        root.ifPresent(out::add);
        for (Optional<ZarrPlate> p : byName.values()) {
            p.filter(x -> !out.contains(x)).ifPresent(out::add);
        }
        return out;
    }
}
