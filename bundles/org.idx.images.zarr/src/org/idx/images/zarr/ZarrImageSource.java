// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.idx.images.BytePlane;
import org.idx.images.FloatPlane;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.LabeledSource;
import org.idx.images.MultiscaleSource;
import org.idx.images.PixelSize;
import org.idx.images.PixelType;
import org.idx.images.Plane;
import org.idx.images.PlaneIndex;
import org.idx.images.PlaneRegion;
import org.idx.images.ReadLimits;
import org.idx.images.ShortPlane;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OME-Zarr image: the first multiscale of an image group, its levels as {@link MultiscaleSource}
 * levels (level 0 is this source), axes t, c, z, y, x mapped to {@link PlaneIndex}. A plane, or a
 * region of one ({@link #region(PlaneIndex, PlaneRegion)}), is assembled from the chunks that meet
 * it, read in parallel; a chunk the store does not hold is the array's fill value. The label images
 * of the group ({@code labels/}) are listed by {@link #labels()} (and, for viewers that know no
 * Zarr, {@link LabeledSource#labelImages()}) and open as images of their own (integer labels become
 * float planes, exact below 2^24).
 */
public final class ZarrImageSource implements MultiscaleSource, LabeledSource {

    private final String key;
    private final List<Level> levels;
    private final ImageStore store;
    /** The label images' names, once read. */
    private volatile List<String> labels;

    private ZarrImageSource(ImageStore store, String key, List<Level> levels) {
        this.store = store;
        this.key = key;
        this.levels = List.copyOf(levels);
    }

    /**
     * Opens the image of a group whose attributes hold {@code multiscales}.
     *
     * @param store      the store
     * @param key        the group's key
     * @param attributes the group's OME attributes
     * @param limits     the largest plane and chunk to allocate
     * @return the image
     * @throws ImageAccessException if the metadata is malformed, unsupported or over the limits
     */
    static ZarrImageSource open(ImageStore store, String key, JsonNode attributes, ReadLimits limits) throws ImageAccessException {
        JsonNode multiscales = attributes.path("multiscales");
        if (!multiscales.isArray() || multiscales.isEmpty()) {
            throw new ImageAccessException("OME-Zarr image '" + key + "' has an empty 'multiscales' list.");
        }
        JsonNode multiscale = multiscales.get(0);
        JsonNode datasets = multiscale.path("datasets");
        if (!datasets.isArray() || datasets.isEmpty()) {
            throw new ImageAccessException("OME-Zarr image '" + key + "' lists no datasets (resolution levels).");
        }
        List<ZarrArray> arrays = new ArrayList<>();
        for (JsonNode dataset : datasets) {
            String path = ZarrJson.text(dataset.get("path"));
            if (path == null || path.isBlank()) {
                throw new ImageAccessException("OME-Zarr image '" + key + "' has a dataset without a 'path'.");
            }
            arrays.add(ZarrArray.read(store, key + "/" + path, limits));
        }
        int rank = arrays.get(0).shape().length;
        for (ZarrArray a : arrays) {
            if (a.shape().length != rank) {
                throw new ImageAccessException("OME-Zarr image '" + key + "' has levels of different dimensions: '" + a.key()
                        + "' has " + a.shape().length + ", the first " + rank + ".");
            }
        }
        Axes axes = Axes.of(key, multiscale.get("axes"), rank);
        for (int d = 0; d < rank; d++) {
            if (d != axes.t() && d != axes.c() && d != axes.z() && d != axes.y() && d != axes.x() && arrays.get(0).shape()[d] > 1) {
                throw new ImageAccessException("OME-Zarr image '" + key + "' has an axis '" + axes.names().get(d) + "' of size "
                        + arrays.get(0).shape()[d] + "; IDX maps only t, c, z, y and x.");
            }
        }
        Optional<PixelSize> pixelSize = pixelSize(datasets.get(0), axes);
        List<String> channelNames = channelNames(attributes, arrays.get(0), axes);
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            ZarrArray a = arrays.get(i);
            levels.add(new Level(store, a, axes, metadata(key, a, axes, limits, i == 0 ? pixelSize : Optional.empty(),
                    i == 0 ? channelNames : List.of()), limits));
        }
        return new ZarrImageSource(store, key, levels);
    }

    private static ImageMetadata metadata(String key, ZarrArray a, Axes axes, ReadLimits limits, Optional<PixelSize> size,
            List<String> channels) throws ImageAccessException {
        long[] s = a.shape();
        long w = s[axes.x()];
        long h = s[axes.y()];
        limits.checkDimensions(a.key(), w, h); // the bytes of a whole plane are checked when one is read
        long c = axes.c() < 0 ? 1 : s[axes.c()];
        long z = axes.z() < 0 ? 1 : s[axes.z()];
        long t = axes.t() < 0 ? 1 : s[axes.t()];
        if (c > Integer.MAX_VALUE || z > Integer.MAX_VALUE || t > Integer.MAX_VALUE) {
            throw new ImageAccessException("OME-Zarr image '" + key + "' declares " + c + " channels, " + z + " focal planes and " + t
                    + " time points, more than IDX can address.");
        }
        return new ImageMetadata((int) w, (int) h, (int) c, (int) z, (int) t, a.type().pixelType(), size,
                channels.size() == c ? channels : List.of());
    }

    private static Optional<PixelSize> pixelSize(JsonNode dataset, Axes axes) {
        for (JsonNode transform : dataset.path("coordinateTransformations")) {
            if ("scale".equals(ZarrJson.text(transform.get("type")))) {
                JsonNode scale = transform.path("scale");
                double x = scale.path(axes.x()).asDouble(0);
                double y = scale.path(axes.y()).asDouble(0);
                if (x > 0 && y > 0 && Double.isFinite(x) && Double.isFinite(y)) {
                    String unit = axes.unitX() == null ? "pixel" : axes.unitX();
                    if (unit.toLowerCase(Locale.ROOT).equals("micrometer")) {
                        unit = PixelSize.MICROMETRE;
                    }
                    return Optional.of(new PixelSize(x, y, unit));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> channelNames(JsonNode attributes, ZarrArray a, Axes axes) {
        JsonNode channels = attributes.path("omero").path("channels");
        if (axes.c() < 0 || !channels.isArray() || channels.size() != a.shape()[axes.c()]) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode channel : channels) {
            names.add(channel.path("label").asText("Channel " + (names.size() + 1)));
        }
        return names;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public ImageMetadata metadata() {
        return levels.get(0).metadata();
    }

    @Override
    public Plane plane(PlaneIndex index) throws ImageAccessException {
        return levels.get(0).plane(index);
    }

    @Override
    public Plane region(PlaneIndex index, PlaneRegion region) throws ImageAccessException {
        return levels.get(0).region(index, region);
    }

    @Override
    public boolean readsRegionsDirectly() {
        return true;
    }

    @Override
    public int levelCount() {
        return levels.size();
    }

    @Override
    public ImageSource level(int level) {
        return level == 0 ? this : levels.get(level);
    }

    /**
     * @return the names of the label images in the group's {@code labels/}, in the order it lists them
     *         (empty when it has none); read once, then remembered
     * @throws ImageAccessException if the labels metadata cannot be read (the next call tries again)
     */
    public List<String> labels() throws ImageAccessException {
        List<String> known = labels;
        if (known != null) {
            return known;
        }
        Optional<ZarrJson.Attributes> attributes = ZarrJson.attributes(store, key + "/labels");
        List<String> names = new ArrayList<>();
        if (attributes.isPresent()) {
            for (JsonNode name : attributes.get().attributes().path("labels")) {
                if (name.isTextual() && !names.contains(name.asText())) {
                    names.add(name.asText());
                }
            }
        }
        labels = List.copyOf(names);
        return labels;
    }

    /**
     * @param label a name from {@link #labels()}
     * @return the key of that label image, to open like any image (e.g. as the mask of a viewer)
     */
    public String labelKey(String label) {
        return key + "/labels/" + label;
    }

    @Override
    public List<String> labelImages() throws ImageAccessException {
        return labels();
    }

    @Override
    public String labelImageKey(String name) {
        return labelKey(name);
    }

    /** One resolution level. */
    private static final class Level implements ImageSource {

        private final ImageStore store;
        private final ZarrArray array;
        private final Axes axes;
        private final ImageMetadata metadata;
        private final ReadLimits limits;

        Level(ImageStore store, ZarrArray array, Axes axes, ImageMetadata metadata, ReadLimits limits) {
            this.store = store;
            this.array = array;
            this.axes = axes;
            this.metadata = metadata;
            this.limits = limits;
        }

        @Override
        public String key() {
            return array.key();
        }

        @Override
        public ImageMetadata metadata() {
            return metadata;
        }

        /** Reads the whole plane, when its size is within the limits; a larger one is read region by region. */
        @Override
        public Plane plane(PlaneIndex index) throws ImageAccessException {
            int w = metadata.width();
            int h = metadata.height();
            limits.checkPlane(array.key(), w, h, metadata.pixelType().bytesPerSample());
            if (w > PlaneRegion.MAX_SIDE || h > PlaneRegion.MAX_SIDE || (long) w * h > PlaneRegion.MAX_PIXELS) {
                throw new ImageAccessException("OME-Zarr level '" + array.key() + "' is " + w + "x" + h + " pixels, more than the "
                        + PlaneRegion.MAX_PIXELS + " pixels read at once: it is shown region by region when zoomed in.");
            }
            return region(index, new PlaneRegion(0, 0, w, h));
        }

        @Override
        public boolean readsRegionsDirectly() {
            return true;
        }

        /** Reads only the chunks the rectangle meets, in parallel; past the plane's borders the samples are zero. */
        @Override
        public Plane region(PlaneIndex index, PlaneRegion region) throws ImageAccessException {
            if (!metadata.contains(index)) {
                throw new IllegalArgumentException(index + " lies outside " + metadata);
            }
            int rank = array.shape().length;
            int[] chunks = array.chunks();
            long[] fixed = new long[rank];
            if (axes.c() >= 0) {
                fixed[axes.c()] = index.c();
            }
            if (axes.z() >= 0) {
                fixed[axes.z()] = index.z();
            }
            if (axes.t() >= 0) {
                fixed[axes.t()] = index.t();
            }
            long[] strides = new long[rank];
            long stride = 1;
            for (int d = rank - 1; d >= 0; d--) {
                strides[d] = stride;
                stride *= chunks[d];
            }
            long base = 0;
            for (int d = 0; d < rank; d++) {
                if (d != axes.x() && d != axes.y()) {
                    base += (fixed[d] % chunks[d]) * strides[d];
                }
            }
            int w = metadata.width();
            int h = metadata.height();
            int rw = region.width();
            int rh = region.height();
            // The part of the region inside the plane: [x0, x1) x [y0, y1).
            int x0 = Math.max(0, region.x());
            int y0 = Math.max(0, region.y());
            int x1 = (int) Math.min(w, (long) region.x() + rw);
            int y1 = (int) Math.min(h, (long) region.y() + rh);
            int cy = chunks[axes.y()];
            int cx = chunks[axes.x()];
            PixelType pixelType = metadata.pixelType();
            Object out = switch (pixelType) {
                case UINT8 -> new byte[rw * rh];
                case UINT16 -> new short[rw * rh];
                case FLOAT32 -> new float[rw * rh];
            };
            List<ChunkFetcher.Task> tasks = new ArrayList<>();
            if (x1 > x0 && y1 > y0) {
                fill(out, array.fill(), region, x0, y0, x1, y1);
                long sy = strides[axes.y()];
                long sx = strides[axes.x()];
                long origin = base;
                for (int gy = y0 / cy; gy * (long) cy < y1; gy++) {
                    for (int gx = x0 / cx; gx * (long) cx < x1; gx++) {
                        long[] chunkIndex = new long[rank];
                        for (int d = 0; d < rank; d++) {
                            chunkIndex[d] = fixed[d] / chunks[d];
                        }
                        chunkIndex[axes.y()] = gy;
                        chunkIndex[axes.x()] = gx;
                        // The rectangle this chunk contributes, in plane pixels.
                        int top = Math.max(y0, gy * cy);
                        int left = Math.max(x0, gx * cx);
                        int rows = Math.min(y1, gy * cy + cy) - top;
                        int cols = Math.min(x1, gx * cx + cx) - left;
                        long first = origin + (top - (long) gy * cy) * sy + (left - (long) gx * cx) * sx;
                        int dst = (top - region.y()) * rw + (left - region.x());
                        tasks.add(() -> {
                            byte[] bytes = array.chunk(store, chunkIndex);
                            if (bytes != null) {
                                copy(ByteBuffer.wrap(bytes).order(array.order()), first, sy, sx, out, rw, dst, rows, cols);
                            }
                        });
                    }
                }
            }
            ChunkFetcher.runAll(array.key(), tasks);
            return switch (pixelType) {
                case UINT8 -> new BytePlane(rw, rh, (byte[]) out);
                case UINT16 -> new ShortPlane(rw, rh, (short[]) out);
                case FLOAT32 -> new FloatPlane(rw, rh, (float[]) out);
            };
        }

        private void copy(ByteBuffer chunk, long first, long sy, long sx, Object out, int outWidth, int dst0, int rows, int cols) {
            DataType type = array.type();
            for (int ly = 0; ly < rows; ly++) {
                int dst = dst0 + ly * outWidth;
                long e = first + ly * sy;
                switch (out) {
                    case byte[] b -> {
                        for (int lx = 0; lx < cols; lx++) {
                            b[dst + lx] = chunk.get((int) (e + lx * sx));
                        }
                    }
                    case short[] s -> {
                        for (int lx = 0; lx < cols; lx++) {
                            s[dst + lx] = chunk.getShort((int) ((e + lx * sx) * 2));
                        }
                    }
                    case float[] f -> {
                        for (int lx = 0; lx < cols; lx++) {
                            f[dst + lx] = type.get(chunk, (int) (e + lx * sx));
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }

        /** Fills the part of the region inside the plane with the fill value (missing chunks read as it). */
        private static void fill(Object out, double value, PlaneRegion region, int x0, int y0, int x1, int y1) {
            if (value == 0) {
                return;
            }
            int rw = region.width();
            for (int y = y0; y < y1; y++) {
                int from = (y - region.y()) * rw + (x0 - region.x());
                int to = from + (x1 - x0);
                switch (out) {
                    case byte[] b -> Arrays.fill(b, from, to, (byte) value);
                    case short[] s -> Arrays.fill(s, from, to, (short) value);
                    case float[] f -> Arrays.fill(f, from, to, (float) value);
                    default -> throw new IllegalStateException();
                }
            }
        }

        @Override
        public String toString() {
            return "ZarrLevel[" + array.key() + "]";
        }
    }

    @Override
    public String toString() {
        return "ZarrImageSource[" + key + ", " + levels.size() + " levels]";
    }
}
