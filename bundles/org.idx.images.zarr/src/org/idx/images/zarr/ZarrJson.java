// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.zarr;

import java.io.IOException;
import java.util.Optional;

import org.idx.images.ImageAccessException;
import org.idx.images.ImageStore;
import org.idx.images.MissingImageException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON documents of a Zarr hierarchy: {@code zarr.json} (Zarr v3, OME-NGFF 0.5) or
 * {@code .zattrs}/{@code .zarray}/{@code .zgroup} (Zarr v2, OME-NGFF 0.4). Documents are bounded in
 * size so that a hostile store cannot make IDX parse gigabytes of JSON.
 */
final class ZarrJson {

    /** The largest metadata document read: 16 MiB (a 384-well plate's metadata is far below). */
    static final long MAX_DOCUMENT = 16L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ZarrJson() {
    }

    /**
     * @param store the store
     * @param key   the document's key
     * @return the parsed document, or empty if the store has no such object
     * @throws ImageAccessException if it cannot be read, is too large or is not JSON
     */
    static Optional<JsonNode> read(ImageStore store, String key) throws ImageAccessException {
        long size;
        try {
            size = store.size(key);
        } catch (MissingImageException e) {
            return Optional.empty();
        }
        if (size > MAX_DOCUMENT) {
            throw new ImageAccessException("Zarr metadata '" + key + "' is " + size + " bytes, more than the " + MAX_DOCUMENT
                    + " bytes IDX reads for a metadata document.");
        }
        byte[] bytes = store.read(key, 0, (int) size);
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ImageAccessException("Zarr metadata '" + key + "' is not valid JSON: " + e.getOriginalMessage() + ".", e);
        } catch (IOException e) {
            throw new ImageAccessException("Zarr metadata '" + key + "' cannot be parsed: " + e.getMessage() + ".", e);
        }
        if (node == null || !node.isObject()) {
            throw new ImageAccessException("Zarr metadata '" + key + "' is not a JSON object.");
        }
        return Optional.of(node);
    }

    /**
     * The OME attributes of a group: {@code attributes.ome} of a v3 {@code zarr.json} (NGFF 0.5), or the
     * whole {@code .zattrs} of v2 (NGFF 0.4).
     *
     * @param store the store
     * @param group the group's key; empty for the store's root
     * @return the attributes, with the Zarr format they were found in, or empty when the key holds neither document
     * @throws ImageAccessException if a document cannot be read
     */
    static Optional<Attributes> attributes(ImageStore store, String group) throws ImageAccessException {
        String prefix = group.isEmpty() ? "" : group + "/";
        Optional<JsonNode> v3 = read(store, prefix + "zarr.json");
        if (v3.isPresent()) {
            JsonNode attrs = v3.get().path("attributes");
            JsonNode ome = attrs.path("ome");
            return Optional.of(new Attributes(3, ome.isObject() ? ome : attrs));
        }
        Optional<JsonNode> v2 = read(store, prefix + ".zattrs");
        return v2.map(n -> new Attributes(2, n));
    }

    /**
     * @param format     2 or 3
     * @param attributes the OME attributes
     */
    record Attributes(int format, JsonNode attributes) {
    }

    /**
     * @param node a JSON value
     * @return its text, or null when it is missing or not a string
     */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
