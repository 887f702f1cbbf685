// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;
import org.idx.images.ReadLimits;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Zarr array (one resolution level of an OME-Zarr image), v2 ({@code .zarray}) or v3
 * ({@code zarr.json}): shape, regular chunk grid, element type and byte order, compressor, fill
 * value and how chunk keys are spelled. Reads one chunk at a time; a chunk the store does not hold
 * reads as {@code null} (the caller fills it with {@link #fill()}). Declared sizes are checked
 * against {@link ReadLimits} before anything is allocated.
 *
 * @param key        the array's key (its folder)
 * @param shape      the array's shape
 * @param chunks     the chunk shape
 * @param type       the element type
 * @param order      the byte order of stored elements
 * @param compressor the compressor
 * @param crc32c     whether each chunk ends with a 4-byte CRC32C (v3 codec)
 * @param fill       the fill value of missing chunks
 * @param separator  the separator between chunk indices in chunk keys
 * @param v3Prefix   whether chunk keys start with {@code c} (v3 default encoding)
 */
record ZarrArray(String key, long[] shape, int[] chunks, DataType type, ByteOrder order, Compressor compressor, boolean crc32c,
        double fill, String separator, boolean v3Prefix) {

    /**
     * Reads an array's metadata.
     *
     * @param store  the store
     * @param key    the array's key
     * @param limits the largest plane (and chunk) a reader may allocate
     * @return the array
     * @throws ImageAccessException if the metadata is missing, malformed, unsupported or over the limits
     */
    static ZarrArray read(ImageStore store, String key, ReadLimits limits) throws ImageAccessException {
        Optional<JsonNode> v3 = ZarrJson.read(store, key + "/zarr.json");
        if (v3.isPresent()) {
            return v3(key, v3.get(), limits);
        }
        Optional<JsonNode> v2 = ZarrJson.read(store, key + "/.zarray");
        if (v2.isPresent()) {
            return v2(key, v2.get(), limits);
        }
        throw new MissingImageException("Zarr array '" + key + "' not found: neither " + key + "/zarr.json nor " + key
                + "/.zarray exists.");
    }

    private static ZarrArray v2(String key, JsonNode meta, ReadLimits limits) throws ImageAccessException {
        long[] shape = longs(key, meta.path("shape"), "shape");
        int[] chunks = ints(key, meta.path("chunks"), "chunks", shape.length);
        String dtype = ZarrJson.text(meta.get("dtype"));
        DataType type = dtype == null ? null : DataType.ofV2(dtype);
        if (type == null) {
            throw unsupported(key, "element type (dtype) " + meta.path("dtype"));
        }
        String order = ZarrJson.text(meta.get("order"));
        if (order != null && !order.equals("C")) {
            throw unsupported(key, "Fortran (column-major) chunk order");
        }
        JsonNode filters = meta.get("filters");
        if (filters != null && !filters.isNull() && !(filters.isArray() && filters.isEmpty())) {
            throw unsupported(key, "filters " + filters);
        }
        JsonNode c = meta.get("compressor");
        Compressor compressor = Compressor.NONE;
        if (c != null && !c.isNull()) {
            String id = ZarrJson.text(c.get("id"));
            compressor = id == null ? null : Compressor.of(id);
            if (compressor == null) {
                throw unsupported(key, "compressor " + c);
            }
        }
        String separator = ZarrJson.text(meta.get("dimension_separator"));
        ZarrArray array = new ZarrArray(key, shape, chunks, type, DataType.orderOfV2(dtype), compressor, false,
                fill(meta.get("fill_value")), separator == null ? "." : separator, false);
        array.check(limits);
        return array;
    }

    private static ZarrArray v3(String key, JsonNode meta, ReadLimits limits) throws ImageAccessException {
        if (!"array".equals(ZarrJson.text(meta.get("node_type")))) {
            throw new ImageAccessException("Zarr node '" + key + "' is a " + meta.path("node_type").asText("?") + ", not an array.");
        }
        long[] shape = longs(key, meta.path("shape"), "shape");
        JsonNode grid = meta.path("chunk_grid");
        if (!"regular".equals(ZarrJson.text(grid.get("name")))) {
            throw unsupported(key, "chunk grid " + grid);
        }
        int[] chunks = ints(key, grid.path("configuration").path("chunk_shape"), "chunk_shape", shape.length);
        String typeName = ZarrJson.text(meta.get("data_type"));
        DataType type = typeName == null ? null : DataType.ofV3(typeName);
        if (type == null) {
            throw unsupported(key, "data type " + meta.path("data_type"));
        }
        JsonNode encoding = meta.path("chunk_key_encoding");
        String encodingName = ZarrJson.text(encoding.get("name"));
        String separator = ZarrJson.text(encoding.path("configuration").get("separator"));
        boolean v2Keys = "v2".equals(encodingName);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        Compressor compressor = Compressor.NONE;
        boolean crc = false;
        boolean bytesSeen = false;
        for (JsonNode codec : meta.path("codecs")) {
            String name = ZarrJson.text(codec.get("name"));
            if ("bytes".equals(name)) {
                bytesSeen = true;
                order = "big".equals(ZarrJson.text(codec.path("configuration").get("endian"))) ? ByteOrder.BIG_ENDIAN
                        : ByteOrder.LITTLE_ENDIAN;
            } else if ("crc32c".equals(name)) {
                crc = true;
            } else if (name != null && Compressor.of(name) != null && compressor == Compressor.NONE && bytesSeen) {
                compressor = Compressor.of(name);
            } else if ("sharding_indexed".equals(name)) {
                throw unsupported(key, "sharded chunks (sharding_indexed)");
            } else {
                throw unsupported(key, "codec " + codec);
            }
        }
        ZarrArray array = new ZarrArray(key, shape, chunks, type, order, compressor, crc, fill(meta.get("fill_value")),
                separator == null ? (v2Keys ? "." : "/") : separator, !v2Keys);
        array.check(limits);
        return array;
    }

    private void check(ReadLimits limits) throws ImageAccessException {
        long elements = 1;
        for (int c : chunks) {
            elements *= c;
            if (elements > ReadLimits.MAX_PIXELS) {
                break;
            }
        }
        long bytes = elements * type.size();
        long max = Math.min(limits.maxPlaneBytes(), ReadLimits.MAX_PIXELS);
        if (elements > ReadLimits.MAX_PIXELS || bytes > max) {
            throw new ImageAccessException("Zarr array '" + key + "' declares chunks of " + dims(chunks) + " elements ("
                    + (elements > ReadLimits.MAX_PIXELS ? "over 2^31 elements" : bytes + " bytes")
                    + "), more than the limit of " + max + " bytes per chunk.");
        }
    }

    /** @return the bytes one decoded chunk holds */
    int chunkBytes() {
        long n = type.size();
        for (int c : chunks) {
            n *= c;
        }
        return (int) n;
    }

    /**
     * @param index the chunk's grid coordinates
     * @return the chunk's key in the store
     */
    String chunkKey(long[] index) {
        StringBuilder b = new StringBuilder(key).append('/');
        if (v3Prefix) {
            b.append('c').append(separator);
        }
        for (int d = 0; d < index.length; d++) {
            if (d > 0) {
                b.append(separator);
            }
            b.append(index[d]);
        }
        return b.toString();
    }

    /**
     * Reads and decodes one chunk.
     *
     * @param store the store
     * @param index the chunk's grid coordinates
     * @return the decoded chunk ({@link #chunkBytes()} bytes in {@link #order()}), or null if the store does not hold it
     * @throws ImageAccessException if it cannot be read or decoded
     */
    byte[] chunk(ImageStore store, long[] index) throws ImageAccessException {
        String chunkKey = chunkKey(index);
        int expected = chunkBytes();
        long size;
        try {
            size = store.size(chunkKey);
        } catch (MissingImageException missing) {
            return null;
        }
        long bound = (long) expected + expected / 8 + (1 << 16) + (crc32c ? 4 : 0);
        if (size > bound) {
            throw new ImageAccessException("Zarr chunk '" + chunkKey + "' is " + size + " bytes, more than any encoding of the "
                    + expected + " bytes its array declares.");
        }
        byte[] stored = store.read(chunkKey, 0, (int) size);
        if (crc32c) {
            if (stored.length < 4) {
                throw new ImageAccessException("Zarr chunk '" + chunkKey + "' is too short for its CRC32C checksum.");
            }
            stored = java.util.Arrays.copyOf(stored, stored.length - 4);
        }
        return compressor.decode(stored, expected, chunkKey);
    }

    private static double fill(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? 1 : 0;
        }
        return switch (node.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> 0;
        };
    }

    private static long[] longs(String key, JsonNode node, String name) throws ImageAccessException {
        if (!node.isArray() || node.isEmpty()) {
            throw new ImageAccessException("Zarr array '" + key + "' has no valid '" + name + "' (" + node + ").");
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.canConvertToLong() || v.asLong() <= 0 || !v.isIntegralNumber()) {
                throw new ImageAccessException("Zarr array '" + key + "' declares '" + name + "' " + node
                        + ": every extent must be a positive integer.");
            }
            values[i] = v.asLong();
        }
        return values;
    }

    private static int[] ints(String key, JsonNode node, String name, int rank) throws ImageAccessException {
        long[] values = longs(key, node, name);
        if (values.length != rank) {
            throw new ImageAccessException("Zarr array '" + key + "' declares '" + name + "' " + node + " with " + values.length
                    + " dimensions for a shape of " + rank + ".");
        }
        int[] ints = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (values[i] > Integer.MAX_VALUE) {
                throw new ImageAccessException("Zarr array '" + key + "' declares chunks of " + node
                        + " elements, more than a chunk may have.");
            }
            ints[i] = (int) values[i];
        }
        return ints;
    }

    private static ImageAccessException unsupported(String key, String what) {
        return new ImageAccessException("Zarr array '" + key + "' uses " + what + ", which IDX does not read.");
    }

    private static String dims(int[] values) {
        List<String> parts = new ArrayList<>();
        for (int v : values) {
            parts.add(Integer.toString(v));
        }
        return String.join("x", parts);
    }
}
