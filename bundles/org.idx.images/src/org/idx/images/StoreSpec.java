// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a dataset's images live, as a user configures it and a configuration file saves it: the
 * scheme of an {@link ImageStoreFactory} ({@code file}, {@code s3}...) and its properties (for
 * {@code file}: {@code path}). A spec never holds a secret: credentials are looked up by the factory
 * (secure storage, environment) when the store is opened.
 *
 * @param scheme     the factory's scheme, lower case
 * @param properties the factory's settings, sorted by name
 */
public record StoreSpec(String scheme, Map<String, String> properties) {

    /** The scheme of the built-in local-folder store. */
    public static final String FILE = "file";

    /** The property of a {@code file} spec that holds the folder. */
    public static final String PATH = "path";

    public StoreSpec {
        Objects.requireNonNull(scheme);
        if (scheme.isBlank()) {
            throw new IllegalArgumentException("a store spec needs a scheme");
        }
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /**
     * @param folder a local folder
     * @return the spec of a local image root at that folder
     */
    public static StoreSpec folder(java.nio.file.Path folder) {
        return new StoreSpec(FILE, Map.of(PATH, folder.toAbsolutePath().normalize().toString()));
    }

    /**
     * @param name a property name
     * @return its value, or {@code null}
     */
    public String property(String name) {
        return properties.get(name);
    }
}
