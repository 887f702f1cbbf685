// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One contributed image reader as declared (extension point {@code org.idx.images.readers}, or built
 * in code for plain-Java use). The reader itself is created on first use.
 */
public final class ReaderDescriptor {

    /** Creates the reader (for an extension: {@code createExecutableExtension("class")}). */
    @FunctionalInterface
    public interface Factory {
        /**
         * @return a new reader
         * @throws Exception if it cannot be created
         */
        ImageReader create() throws Exception;
    }

    private final String id;
    private final String name;
    private final List<String> suffixes;
    private final List<byte[]> magic;
    private final List<String> probes;
    private final int priority;
    private final String contributor;
    private final Factory factory;
    private volatile ImageReader reader;

    /**
     * @param id          unique id
     * @param name        name shown to users
     * @param suffixes    file name suffixes without dot, matched case-insensitively (e.g. "tif", "ome.tif")
     * @param magic       leading byte sequences that identify the format (may be empty)
     * @param priority    higher wins among readers that match a key equally well
     * @param contributor the contributing bundle, for messages
     * @param factory     creates the reader
     */
    public ReaderDescriptor(String id, String name, List<String> suffixes, List<byte[]> magic, int priority,
            String contributor, Factory factory) {
        this(id, name, suffixes, magic, List.of(), priority, contributor, factory);
    }

    /**
     * A reader that may also read folder-like images: a key that names a folder (a prefix in an object
     * store) holding one of the {@code probes}, e.g. OME-Zarr's {@code zarr.json} or {@code .zattrs}.
     *
     * @param id          unique id
     * @param name        name shown to users
     * @param suffixes    file name suffixes without dot, matched case-insensitively (e.g. "tif", "ome.tif")
     * @param magic       leading byte sequences that identify the format (may be empty)
     * @param probes      names of objects inside a folder-like image, relative to its key, one of which
     *                    identifies the format (may be empty)
     * @param priority    higher wins among readers that match a key equally well
     * @param contributor the contributing bundle, for messages
     * @param factory     creates the reader
     */
    public ReaderDescriptor(String id, String name, List<String> suffixes, List<byte[]> magic, List<String> probes,
            int priority, String contributor, Factory factory) {
        if (id == null || id.isBlank() || name == null || factory == null) {
            throw new IllegalArgumentException("a reader needs an id, a name and a class");
        }
        this.id = id;
        this.name = name;
        this.suffixes = suffixes.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).map(s -> s.startsWith(".") ? s.substring(1) : s)
                .filter(s -> !s.isEmpty()).toList();
        this.magic = magic.stream().map(byte[]::clone).toList();
        this.probes = probes.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        this.priority = priority;
        this.contributor = contributor;
        this.factory = factory;
    }

    /**
     * Parses a magic attribute: comma-separated hexadecimal byte sequences, e.g. {@code "49492A00,4D4D002A"}.
     *
     * @param text the attribute, may be null
     * @return the sequences
     * @throws IllegalArgumentException if a sequence is not hexadecimal
     */
    public static List<byte[]> parseMagic(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> HexFormat.of().parseHex(s)).toList();
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return lower-case suffixes without dot */
    public List<String> suffixes() {
        return suffixes;
    }

    /** @return the priority */
    public int priority() {
        return priority;
    }

    /** @return the contributing bundle */
    public String contributor() {
        return contributor;
    }

    /**
     * @param key an image key
     * @return the length of the longest declared suffix the key ends with (".suffix"), 0 if none
     */
    public int suffixMatch(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        int best = 0;
        for (String suffix : suffixes) {
            if (lower.endsWith("." + suffix)) {
                best = Math.max(best, suffix.length() + 1);
            }
        }
        return best;
    }

    /** @return the objects, relative to a folder-like image's key, one of which identifies the format */
    public List<String> probes() {
        return probes;
    }

    /** @return whether this reader declares magic bytes */
    public boolean hasMagic() {
        return !magic.isEmpty();
    }

    /**
     * @param header the first bytes of an object
     * @return whether the header starts with one of the declared magic sequences
     */
    public boolean matchesMagic(byte[] header) {
        outer:
        for (byte[] m : magic) {
            if (header.length < m.length) {
                continue;
            }
            for (int i = 0; i < m.length; i++) {
                if (header[i] != m[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** @return the longest declared magic sequence */
    int magicLength() {
        return magic.stream().mapToInt(m -> m.length).max().orElse(0);
    }

    /**
     * @return the reader, created on first call
     * @throws ImageAccessException if it cannot be created
     */
    public ImageReader reader() throws ImageAccessException {
        ImageReader r = reader;
        if (r == null) {
            synchronized (this) {
                r = reader;
                if (r == null) {
                    try {
                        r = factory.create();
                    } catch (Exception | LinkageError e) {
                        throw new ImageAccessException("The image reader '" + id + "' from " + contributor + " cannot be created: " + e, e);
                    }
                    reader = r;
                }
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return id + " (" + name + ", ." + String.join(" .", suffixes) + ", priority " + priority + ")";
    }
}
