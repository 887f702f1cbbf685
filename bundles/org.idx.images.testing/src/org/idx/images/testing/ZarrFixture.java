// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import com.scalableminds.bloscjava.Blosc;

/**
 * Writes small OME-Zarr fixtures (NGFF 0.4 on Zarr v2, NGFF 0.5 on Zarr v3) as key-to-bytes maps, to
 * put into a local folder or an S3 bucket: multiscale images with any of the axes t, c, z, y, x,
 * label images, HCS plates. Chunk codecs: raw, gzip, zlib, zstd, blosc. Sample values come from a
 * function of the element's coordinates, so tests know every expected pixel.
 */
public final class ZarrFixture {

    /** A chunk compressor. */
    public enum Codec {
        RAW, GZIP, ZLIB, ZSTD, BLOSC
    }

    /** The value of the element at some coordinates (in the array's axis order, full resolution). */
    @FunctionalInterface
    public interface Samples {
        /**
         * @param coordinates one per axis
         * @return the value
         */
        double at(long[] coordinates);
    }

    private int format = 2;
    private String axes = "tczyx";
    private long[] shape;
    private int[] chunks;
    private String type = "uint16";
    private Codec codec = Codec.RAW;
    private int levels = 1;
    private double fill;
    private Samples samples = c -> 0;
    private Set<String> missing = Set.of();
    private List<String> channels = List.of();
    private String extraAttributes = "";

    /**
     * @param axes   the axis names in order, e.g. {@code "tczyx"} or {@code "yx"}
     * @param shape  the full-resolution shape
     * @param chunks the chunk shape
     * @return a fixture of a Zarr v2 (NGFF 0.4), uncompressed uint16 image with one level
     */
    public static ZarrFixture image(String axes, long[] shape, int[] chunks) {
        ZarrFixture f = new ZarrFixture();
        f.axes = axes;
        f.shape = shape.clone();
        f.chunks = chunks.clone();
        return f;
    }

    /** @param v 2 (NGFF 0.4, .zattrs/.zarray) or 3 (NGFF 0.5, zarr.json) @return this */
    public ZarrFixture format(int v) {
        format = v;
        return this;
    }

    /** @param t uint8, uint16, int32, float32 @return this */
    public ZarrFixture type(String t) {
        type = t;
        return this;
    }

    /** @param c the chunk codec @return this */
    public ZarrFixture codec(Codec c) {
        codec = c;
        return this;
    }

    /** @param n resolution levels, each halving y and x @return this */
    public ZarrFixture levels(int n) {
        levels = n;
        return this;
    }

    /** @param v the fill value @return this */
    public ZarrFixture fill(double v) {
        fill = v;
        return this;
    }

    /** @param s the samples @return this */
    public ZarrFixture samples(Samples s) {
        samples = s;
        return this;
    }

    /** @param chunkKeys level-0 chunks to leave out, as their key suffix, e.g. {@code "0/0/0/1/0"} @return this */
    public ZarrFixture missing(Set<String> chunkKeys) {
        missing = chunkKeys;
        return this;
    }

    /** @param names channel names (omero metadata) @return this */
    public ZarrFixture channels(List<String> names) {
        channels = names;
        return this;
    }

    /** @param json extra attributes, a JSON fragment starting with a comma, e.g. {@code ,"image-label":{}} @return this */
    public ZarrFixture attributes(String json) {
        extraAttributes = json;
        return this;
    }

    /**
     * @param key the image's key (folder)
     * @return the image's objects by key
     */
    public Map<String, byte[]> write(String key) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        StringBuilder datasets = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            long factor = 1L << level;
            long[] s = shape.clone();
            double[] scale = new double[s.length];
            for (int d = 0; d < s.length; d++) {
                char a = axes.charAt(d);
                scale[d] = a == 'y' || a == 'x' ? 0.5 * factor : 1;
                if (a == 'y' || a == 'x') {
                    s[d] = Math.max(1, (shape[d] + factor - 1) / factor);
                }
            }
            datasets.append(level == 0 ? "" : ",").append("{\"path\":\"").append(level)
                    .append("\",\"coordinateTransformations\":[{\"type\":\"scale\",\"scale\":").append(json(scale)).append("}]}");
            array(out, key + "/" + level, s, factor, level == 0 ? missing : Set.of());
        }
        StringBuilder axesJson = new StringBuilder("[");
        for (int d = 0; d < axes.length(); d++) {
            char a = axes.charAt(d);
            String kind = a == 't' ? "time" : a == 'c' ? "channel" : "space";
            axesJson.append(d == 0 ? "" : ",").append("{\"name\":\"").append(a).append("\",\"type\":\"").append(kind).append('"')
                    .append(kind.equals("space") ? ",\"unit\":\"micrometer\"" : "").append('}');
        }
        axesJson.append(']');
        String version = format == 2 ? "0.4" : "0.5";
        StringBuilder ome = new StringBuilder("{\"multiscales\":[{\"version\":\"" + version + "\",\"name\":\"fixture\",\"axes\":"
                + axesJson + ",\"datasets\":[" + datasets + "]}]");
        if (!channels.isEmpty()) {
            ome.append(",\"omero\":{\"channels\":[");
            for (int i = 0; i < channels.size(); i++) {
                ome.append(i == 0 ? "" : ",").append("{\"label\":\"").append(channels.get(i)).append("\"}");
            }
            ome.append("]}");
        }
        ome.append(extraAttributes).append('}');
        group(out, key, format, ome.toString());
        return out;
    }

    /**
     * Puts a group's metadata.
     *
     * @param out    the objects
     * @param key    the group's key
     * @param format 2 or 3
     * @param ome    the OME attributes, a JSON object
     */
    public static void group(Map<String, byte[]> out, String key, int format, String ome) {
        if (format == 2) {
            out.put(key + "/.zgroup", bytes("{\"zarr_format\":2}"));
            out.put(key + "/.zattrs", bytes(ome));
        } else {
            out.put(key + "/zarr.json", bytes("{\"zarr_format\":3,\"node_type\":\"group\",\"attributes\":{\"ome\":"
                    + ome.replaceFirst("^\\{", "{\"version\":\"0.5\",") + "}}"));
        }
    }

    /**
     * An HCS plate of rows x columns wells where {@code fields} holds each present well's fields.
     *
     * @param key    the plate's key
     * @param format 2 or 3
     * @param rows   row names
     * @param cols   column names
     * @param fields well path (e.g. {@code B/3}) to its field images (each written with {@link #write(String)})
     * @return the plate's objects by key
     */
    public static Map<String, byte[]> plate(String key, int format, List<String> rows, List<String> cols,
            Map<String, List<ZarrFixture>> fields) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        StringBuilder wells = new StringBuilder();
        int most = 0;
        for (Map.Entry<String, List<ZarrFixture>> well : fields.entrySet()) {
            String[] rc = well.getKey().split("/");
            wells.append(wells.isEmpty() ? "" : ",").append("{\"path\":\"").append(well.getKey()).append("\",\"rowIndex\":")
                    .append(rows.indexOf(rc[0])).append(",\"columnIndex\":").append(cols.indexOf(rc[1])).append('}');
            StringBuilder images = new StringBuilder();
            for (int f = 0; f < well.getValue().size(); f++) {
                images.append(f == 0 ? "" : ",").append("{\"path\":\"").append(f).append("\",\"acquisition\":0}");
                out.putAll(well.getValue().get(f).format(format).write(key + "/" + well.getKey() + "/" + f));
            }
            most = Math.max(most, well.getValue().size());
            group(out, key + "/" + rc[0], format, "{}");
            group(out, key + "/" + well.getKey(), format, "{\"well\":{\"images\":[" + images + "]}}");
        }
        group(out, key, format, "{\"plate\":{\"name\":\"fixture plate\",\"field_count\":" + most + ",\"rows\":" + names(rows)
                + ",\"columns\":" + names(cols) + ",\"wells\":[" + wells + "],\"acquisitions\":[{\"id\":0}]}}");
        return out;
    }

    /**
     * Writes objects under a folder.
     *
     * @param objects the objects by key
     * @param folder  the folder
     */
    public static void writeTo(Map<String, byte[]> objects, Path folder) {
        try {
            for (Map.Entry<String, byte[]> e : objects.entrySet()) {
                Path file = folder.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void array(Map<String, byte[]> out, String key, long[] s, long factor, Set<String> skip) {
        int rank = s.length;
        int size = switch (type) {
            case "uint8" -> 1;
            case "uint16" -> 2;
            default -> 4;
        };
        String compressor;
        String codecs;
        switch (codec) {
            case RAW -> {
                compressor = "null";
                codecs = "";
            }
            case GZIP -> {
                compressor = "{\"id\":\"gzip\",\"level\":5}";
                codecs = ",{\"name\":\"gzip\",\"configuration\":{\"level\":5}}";
            }
            case ZLIB -> {
                compressor = "{\"id\":\"zlib\",\"level\":5}";
                codecs = null;
            }
            case ZSTD -> {
                compressor = "{\"id\":\"zstd\",\"level\":3}";
                codecs = ",{\"name\":\"zstd\",\"configuration\":{\"level\":3,\"checksum\":false}}";
            }
            case BLOSC -> {
                compressor = "{\"id\":\"blosc\",\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":1,\"blocksize\":0}";
                codecs = ",{\"name\":\"blosc\",\"configuration\":{\"cname\":\"lz4\",\"clevel\":5,\"shuffle\":\"shuffle\",\"typesize\":"
                        + size + ",\"blocksize\":0}}";
            }
            default -> throw new IllegalStateException();
        }
        if (format == 2) {
            String dtype = switch (type) {
                case "uint8" -> "|u1";
                case "uint16" -> "<u2";
                case "int32" -> "<i4";
                default -> "<f4";
            };
            out.put(key + "/.zarray", bytes("{\"zarr_format\":2,\"shape\":" + json(s) + ",\"chunks\":" + json(chunks) + ",\"dtype\":\""
                    + dtype + "\",\"compressor\":" + compressor + ",\"fill_value\":" + json(fill) + ",\"order\":\"C\",\"filters\":null,"
                    + "\"dimension_separator\":\"/\"}"));
        } else {
            if (codecs == null) {
                throw new IllegalArgumentException("Zarr v3 has no zlib codec");
            }
            out.put(key + "/zarr.json", bytes("{\"zarr_format\":3,\"node_type\":\"array\",\"shape\":" + json(s) + ",\"data_type\":\""
                    + type + "\",\"chunk_grid\":{\"name\":\"regular\",\"configuration\":{\"chunk_shape\":" + json(chunks)
                    + "}},\"chunk_key_encoding\":{\"name\":\"default\",\"configuration\":{\"separator\":\"/\"}},\"fill_value\":"
                    + json(fill) + ",\"codecs\":[{\"name\":\"bytes\",\"configuration\":{\"endian\":\"little\"}}" + codecs
                    + "],\"dimension_names\":" + quoted(axes.chars().mapToObj(c -> String.valueOf((char) c)).toList()) + "}"));
        }
        long[] grid = new long[rank];
        for (int d = 0; d < rank; d++) {
            grid[d] = (s[d] + chunks[d] - 1) / chunks[d];
        }
        long[] index = new long[rank];
        int elements = 1;
        for (int c : chunks) {
            elements *= c;
        }
        while (true) {
            StringBuilder suffix = new StringBuilder();
            for (int d = 0; d < rank; d++) {
                suffix.append(d == 0 ? "" : "/").append(index[d]);
            }
            if (!skip.contains(suffix.toString())) {
                ByteBuffer b = ByteBuffer.allocate(elements * size).order(ByteOrder.LITTLE_ENDIAN);
                long[] coordinates = new long[rank];
                for (int e = 0; e < elements; e++) {
                    int rest = e;
                    boolean inside = true;
                    for (int d = rank - 1; d >= 0; d--) {
                        long local = rest % chunks[d];
                        rest /= chunks[d];
                        long at = index[d] * chunks[d] + local;
                        inside &= at < s[d];
                        char a = axes.charAt(d);
                        coordinates[d] = a == 'y' || a == 'x' ? at * factor : at;
                    }
                    double v = inside ? samples.at(coordinates) : fill;
                    switch (type) {
                        case "uint8" -> b.put((byte) v);
                        case "uint16" -> b.putShort((short) v);
                        case "int32" -> b.putInt((int) v);
                        default -> b.putFloat((float) v);
                    }
                }
                out.put(key + "/" + (format == 3 ? "c/" : "") + suffix, compress(b.array(), size));
            }
            int d = rank - 1;
            while (d >= 0 && ++index[d] == grid[d]) {
                index[d] = 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
    }

    private byte[] compress(byte[] raw, int typeSize) {
        try {
            return switch (codec) {
                case RAW -> raw;
                case GZIP -> deflate(raw, o -> new GZIPOutputStream(o));
                case ZLIB -> deflate(raw, o -> new DeflaterOutputStream(o));
                case ZSTD -> Zstd.compress(raw);
                case BLOSC -> Blosc.compress(raw, typeSize, Blosc.Compressor.LZ4);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Wrap {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] deflate(byte[] raw, Wrap wrap) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = wrap.wrap(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    private static String names(List<String> names) {
        List<String> objects = new ArrayList<>();
        for (String n : names) {
            objects.add("{\"name\":\"" + n + "\"}");
        }
        return "[" + String.join(",", objects) + "]";
    }

    private static String quoted(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add("\"" + n + "\"");
        }
        return "[" + String.join(",", quoted) + "]";
    }

    private static String json(long[] v) {
        List<String> parts = new ArrayList<>();
        for (long x : v) {
            parts.add(Long.toString(x));
        }
        return "[" + String.join(",", parts) + "]";
    }

    private static String json(int[] v) {
        List<String> parts = new ArrayList<>();
        for (int x : v) {
            parts.add(Integer.toString(x));
        }
        return "[" + String.join(",", parts) + "]";
    }

    private static String json(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) {
            parts.add(Double.toString(x));
        }
        return "[" + String.join(",", parts) + "]";
    }

    private static String json(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
