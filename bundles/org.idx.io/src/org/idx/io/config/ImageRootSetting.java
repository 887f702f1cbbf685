// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.io.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a dataset's images live, as a configuration file saves it: the scheme of an image store
 * ({@code file}, {@code s3}...) and its properties (for {@code file}: {@code path}). The same two
 * parts as {@code org.idx.images.StoreSpec}, kept here so that reading a configuration needs no
 * image machinery. Never holds a secret.
 *
 * @param scheme     the store's scheme, not blank
 * @param properties the store's settings, sorted by name
 */
public record ImageRootSetting(String scheme, Map<String, String> properties) {

    public ImageRootSetting {
        Objects.requireNonNull(scheme);
        if (scheme.isBlank()) {
            throw new IllegalArgumentException("an image root needs a scheme");
        }
        properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }
}
