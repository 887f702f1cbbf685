// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the reader for an image. Readers whose magic bytes match the object's first bytes come
 * first (a PNG named {@code .tif} still opens), then readers whose suffix matches the key; ties go to
 * the longer suffix, then the higher priority. A key may also name a folder-like image (an OME-Zarr
 * prefix, e.g. {@code plate.zarr/B/3/0}): readers that declare probes are tried first for a key with
 * their suffix or a trailing '/', and for any other key when it is not a readable object; the first
 * reader one of whose probe objects exists below the key is chosen. Built from a list (plain Java, tests) or, in the
 * running platform, from the extension point by {@code org.idx.images.extensions.ReaderExtensions}.
 */
public final class ReaderRegistry {

    private final List<ReaderDescriptor> readers;
    private final ReadLimits limits;

    /**
     * @param readers the readers
     * @param limits  the limits every reader enforces
     */
    public ReaderRegistry(List<ReaderDescriptor> readers, ReadLimits limits) {
        this.readers = List.copyOf(readers);
        this.limits = limits;
    }

    /**
     * @param readers the readers, with {@link ReadLimits#DEFAULT}
     */
    public ReaderRegistry(List<ReaderDescriptor> readers) {
        this(readers, ReadLimits.DEFAULT);
    }

    /** @return the readers in contribution order */
    public List<ReaderDescriptor> readers() {
        return readers;
    }

    /** @return the limits */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * @param limits other limits
     * @return a registry with the same readers and other limits
     */
    public ReaderRegistry withLimits(ReadLimits limits) {
        return new ReaderRegistry(readers, limits);
    }

    /**
     * @param id a reader id
     * @return the reader with that id
     */
    public Optional<ReaderDescriptor> find(String id) {
        return readers.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Picks the reader for a key, reading the object's first bytes when a reader declares magic.
     *
     * @param store the store
     * @param key   the key
     * @return the chosen reader
     * @throws ImageAccessException if no reader fits, naming the key and the installed readers
     */
    public ReaderDescriptor select(ImageStore store, String key) throws ImageAccessException {
        Comparator<ReaderDescriptor> bySuffix = Comparator.comparingInt(r -> r.suffixMatch(stripSlash(key)));
        Comparator<ReaderDescriptor> order = bySuffix.thenComparingInt(ReaderDescriptor::priority).reversed();
        List<ReaderDescriptor> folderReaders = readers.stream().filter(r -> !r.probes().isEmpty()).sorted(order).toList();
        boolean looksLikeFolder = key.endsWith("/") || key.endsWith("\\")
                || folderReaders.stream().anyMatch(r -> r.suffixMatch(stripSlash(key)) > 0);
        if (looksLikeFolder) {
            Optional<ReaderDescriptor> folder = probe(store, key, folderReaders);
            if (folder.isPresent()) {
                return folder.get();
            }
        }
        int magicLength = readers.stream().mapToInt(ReaderDescriptor::magicLength).max().orElse(0);
        byte[] header = new byte[0];
        if (magicLength > 0) {
            try {
                long size = store.size(key);
                header = store.read(key, 0, (int) Math.min(size, magicLength));
            } catch (ImageAccessException notAnObject) {
                if (looksLikeFolder) {
                    List<String> probes = folderReaders.stream().flatMap(r -> r.probes().stream()).distinct().toList();
                    return fail(key, "it is neither a readable object nor a folder holding any of " + String.join(", ", probes)
                            + " (" + notAnObject.getMessage() + ")");
                }
                // It may be a folder (OME-Zarr); if probing fails too (e.g. a refused key), the key's own error is said.
                Optional<ReaderDescriptor> folder;
                try {
                    folder = probe(store, key, folderReaders);
                } catch (ImageAccessException probeFailed) {
                    throw notAnObject;
                }
                if (folder.isPresent()) {
                    return folder.get();
                }
                throw notAnObject;
            }
        }
        byte[] h = header;
        Optional<ReaderDescriptor> byMagic = readers.stream().filter(r -> r.matchesMagic(h)).sorted(order).findFirst();
        if (byMagic.isPresent()) {
            return byMagic.get();
        }
        Optional<ReaderDescriptor> bySuffixOnly = readers.stream().filter(r -> r.suffixMatch(key) > 0)
                .filter(r -> r.probes().isEmpty() || r.hasMagic())
                .filter(r -> !r.hasMagic() || h.length == 0).sorted(order).findFirst();
        if (bySuffixOnly.isPresent()) {
            return bySuffixOnly.get();
        }
        List<String> known = readers.stream().map(ReaderDescriptor::toString).toList();
        if (readers.stream().anyMatch(r -> r.suffixMatch(key) > 0)) {
            return fail(key, "its content does not start like any format its name suggests (first bytes "
                    + java.util.HexFormat.of().formatHex(header) + "); readers: " + known);
        }
        return fail(key, "no reader handles its format; readers: " + known);
    }

    /** The first folder reader one of whose probe objects exists below the key. */
    private static Optional<ReaderDescriptor> probe(ImageStore store, String key, List<ReaderDescriptor> folderReaders)
            throws ImageAccessException {
        String folder = stripSlash(key);
        for (ReaderDescriptor reader : folderReaders) {
            for (String probe : reader.probes()) {
                try {
                    store.size(folder + "/" + probe);
                    return Optional.of(reader);
                } catch (MissingImageException absent) {
                    // not this format
                }
            }
        }
        return Optional.empty();
    }

    private static String stripSlash(String key) {
        String k = key;
        while (k.endsWith("/") || k.endsWith("\\")) {
            k = k.substring(0, k.length() - 1);
        }
        return k;
    }

    private static ReaderDescriptor fail(String key, String why) throws ImageAccessException {
        throw new ImageAccessException("Image '" + key + "' cannot be opened: " + why + ".");
    }

    /**
     * Opens an image with the reader {@link #select(ImageStore, String)} picks.
     *
     * @param store the store
     * @param key   the key
     * @return the opened image
     * @throws ImageAccessException if no reader fits or the image cannot be read
     */
    public ImageSource open(ImageStore store, String key) throws ImageAccessException {
        return select(store, key).reader().open(store, key, limits);
    }
}
