// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.util.Optional;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageKeys;
import org.idx.images.ImageReader;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;
import org.idx.images.ReadLimits;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads OME-Zarr (NGFF 0.4 with Zarr v2 {@code .zattrs}/{@code .zarray}, NGFF 0.5 with Zarr v3
 * {@code zarr.json}) from any {@link ImageStore}: a local folder or an object-store prefix. The key
 * names a group: an image ({@code multiscales}), a label image ({@code labels/cells}), or a well of
 * an HCS plate (its first field opens); a plate itself is not an image ({@link ZarrPlate} lists its
 * wells and fields, e.g. {@code plate.zarr/B/3/0}). Returns a {@link ZarrImageSource}, a
 * {@link org.idx.images.MultiscaleSource}. Chunk codecs: none, gzip, zlib, zstd, blosc.
 */
public final class ZarrReader implements ImageReader {

    /** For the extension registry. */
    public ZarrReader() {
    }

    @Override
    public ImageSource open(ImageStore store, String key, ReadLimits limits) throws ImageAccessException {
        String group = ImageKeys.normalize(key, store.describe());
        ZarrJson.Attributes found = ZarrJson.attributes(store, group).orElseThrow(() -> new MissingImageException(
                "OME-Zarr image '" + key + "' not found: neither " + group + "/zarr.json nor " + group + "/.zattrs exists in "
                        + store.describe() + "."));
        JsonNode attributes = found.attributes();
        if (attributes.has("multiscales")) {
            return ZarrImageSource.open(store, group, attributes, limits);
        }
        if (attributes.has("well")) {
            JsonNode images = attributes.path("well").path("images");
            String first = images.isArray() && !images.isEmpty() ? ZarrJson.text(images.get(0).get("path")) : null;
            if (first == null) {
                throw new ImageAccessException("OME-Zarr well '" + key + "' lists no fields (well.images is empty).");
            }
            return open(store, group + "/" + first, limits);
        }
        if (attributes.has("plate")) {
            ZarrPlate plate = ZarrPlate.of(group, attributes);
            String example = plate.wells().isEmpty() ? group + "/A/1/0" : group + "/" + plate.wells().get(0).path() + "/0";
            throw new ImageAccessException("OME-Zarr '" + key + "' is an HCS plate of " + plate.rows().size() + " rows x "
                    + plate.columns().size() + " columns, not an image: point at a field, e.g. '" + example + "'.");
        }
        Optional<String> labels = attributes.has("labels") ? Optional.of(attributes.path("labels").toString()) : Optional.empty();
        throw new ImageAccessException("Zarr group '" + key + "' holds no OME image (no 'multiscales' in its attributes"
                + labels.map(l -> "; it lists the label images " + l).orElse("") + ").");
    }
}
