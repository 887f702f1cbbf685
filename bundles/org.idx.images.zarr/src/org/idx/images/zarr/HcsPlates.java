// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.ImageRoot;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;
import org.idx.images.PlatePath;

/**
 * The OME-Zarr HCS plates of an image root, found by the names a table gives them, where the root's
 * {@link PlatePath} says: by default the root itself when it is a plate folder, or a plate folder below
 * it named {@code <plate>}, {@code <plate>.zarr} or {@code <plate>.ome.zarr}; with a folder setting the
 * same below that folder (which may itself be the plate); with a pattern exactly the key it gives.
 * Plates and the field lists of their wells are read once and remembered, also when several threads
 * ask at once. Works on any {@link ImageStore} (no listing needed, so on S3 too). Reads metadata: call
 * it off the UI thread. Thread-safe.
 * <p>
 * {@link #of(ImageRoot)} gives the one instance of a dataset's image root that the image viewer, the
 * gallery and the plate map share, so each metadata object is fetched once per dataset.
 */
public final class HcsPlates {

    /** The folder names tried below the plate folder for a plate name, in order. */
    private static final String[] SUFFIXES = { "", ".zarr", ".ome.zarr" };

    /** The plates of an image root, shared through {@link ImageRoot#derived(ImageRoot.Derivation)}. */
    private static final ImageRoot.Derivation<HcsPlates> SHARED = (root, store) -> open(store, root.platePath());

    private final ImageStore store;
    private final PlatePath path;
    private final Optional<ZarrPlate> root;
    private final OncePerKey<Optional<ZarrPlate>> byName = new OncePerKey<>();
    private final OncePerKey<List<String>> fields = new OncePerKey<>();
    private final AtomicInteger documents = new AtomicInteger();

    private HcsPlates(ImageStore store, PlatePath path) throws ImageAccessException {
        this.store = store;
        this.path = path;
        this.root = path.isPattern() ? readPlate("") : readPlate(path.folder());
    }

    /**
     * Looks at the root of a store, with the default plate path.
     *
     * @param store the store of a dataset's images
     * @return the plates of that store
     * @throws ImageAccessException if the root's metadata exists but cannot be read
     */
    public static HcsPlates open(ImageStore store) throws ImageAccessException {
        return open(store, PlatePath.DEFAULT);
    }

    /**
     * Looks at a store where a plate path says.
     *
     * @param store the store of a dataset's images
     * @param path  where the plates lie below the root
     * @return the plates of that store
     * @throws ImageAccessException if the metadata of the root (or of the plate path's folder) exists but cannot be read
     */
    public static HcsPlates open(ImageStore store, PlatePath path) throws ImageAccessException {
        return new HcsPlates(Objects.requireNonNull(store), Objects.requireNonNull(path));
    }

    /**
     * The plates of a dataset's image root, read once and shared by every view of the dataset until the
     * root is pointed elsewhere or its plate path changes.
     *
     * @param images the dataset's image root
     * @return its plates
     * @throws ImageAccessException if the root cannot be opened or its metadata exists but cannot be read
     */
    public static HcsPlates of(ImageRoot images) throws ImageAccessException {
        return images.derived(SHARED);
    }

    private Optional<ZarrPlate> readPlate(String key) throws ImageAccessException {
        documents.incrementAndGet();
        Optional<ZarrJson.Attributes> attributes = ZarrJson.attributes(store, key);
        if (attributes.isEmpty() || !attributes.get().attributes().has("plate")) {
            return Optional.empty();
        }
        return Optional.of(ZarrPlate.of(key, attributes.get().attributes()));
    }

    /** @return the store the plates are read from */
    public ImageStore store() {
        return store;
    }

    /** @return where the plates are looked for below the root */
    public PlatePath platePath() {
        return path;
    }

    /**
     * @return the plate at the store's root (or, with a folder plate path, at that folder), if it is a
     *         plate folder
     */
    public Optional<ZarrPlate> root() {
        return root;
    }

    /**
     * @param name a plate name as a table spells it
     * @return the keys {@link #below(String)} looks at for it, in order (none for a name that is not a safe relative key)
     */
    public List<String> candidates(String name) {
        List<String> keys = new ArrayList<>();
        if (path.isPattern()) {
            addSafe(keys, path.keyOf(name));
        } else {
            String folder = path.folder();
            for (String suffix : SUFFIXES) {
                addSafe(keys, (folder.isEmpty() ? "" : folder + "/") + name + suffix);
            }
        }
        return keys;
    }

    private void addSafe(List<String> keys, String key) {
        try {
            keys.add(ImageKeys.normalize(key, store.describe()));
        } catch (ImageAccessException refused) {
            // a name that leaves the root finds nothing
        }
    }

    /**
     * Finds the plate folder for a plate name where the plate path says (the root's own plate is not considered).
     *
     * @param name a plate name as a table spells it
     * @return the plate, or empty when none of the {@link #candidates(String)} holds a plate
     * @throws ImageAccessException if a plate's metadata exists but cannot be read or is malformed
     */
    public Optional<ZarrPlate> below(String name) throws ImageAccessException {
        return byName.get(name, () -> {
            for (String key : candidates(name)) {
                Optional<ZarrPlate> found = readPlate(key);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        });
    }

    /** @return the plate folders found so far by {@link #below(String)}, by the name that found them */
    public Map<String, ZarrPlate> found() {
        Map<String, ZarrPlate> out = new LinkedHashMap<>();
        byName.done().forEach((name, plate) -> plate.ifPresent(p -> out.put(name, p)));
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
        return fields.get(plate.child(well.path()), () -> {
            documents.incrementAndGet();
            try {
                return List.copyOf(plate.fieldKeys(store, well));
            } catch (MissingImageException e) {
                throw new MissingImageException("Well " + well.path() + " of plate '" + label(plate) + "' is listed in the plate's "
                        + "metadata, but " + e.getMessage(), e);
            }
        });
    }

    /**
     * @return how many metadata documents (plate or well attributes, found or not) these plates looked
     *         up: each at most once, however many views ask
     */
    public int documentsRead() {
        return documents.get();
    }

    /**
     * @param plate a plate
     * @return how messages name it: its name from the metadata, else its folder
     */
    public static String label(ZarrPlate plate) {
        return !plate.name().isEmpty() ? plate.name() : plate.key().isEmpty() ? "(image root)" : plate.key();
    }

    /** @return every plate known so far: the root's first, then the folders found */
    public List<ZarrPlate> plates() {
        List<ZarrPlate> out = new ArrayList<>();
        root.ifPresent(out::add);
        for (ZarrPlate p : found().values()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
