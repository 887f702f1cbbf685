// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.session;

import java.util.Objects;

import org.idx.core.ColumnRoles;
import org.idx.images.StoreSpec;

/**
 * The configuration part of a session: which columns have which roles, and where the images
 * are. Written as its own JSON object, {@code {"roles": {ROLE: column}, "imageRoot": {"scheme":
 * ..., "properties": {...}}}}, so that a fuller dataset configuration can take its place.
 *
 * @param roles     the column roles
 * @param imageRoot where the images are, or {@code null} when the table's folder (the default)
 */
public record SessionConfiguration(ColumnRoles roles, StoreSpec imageRoot) {

    /** No roles, images beside the table. */
    public static final SessionConfiguration NONE = new SessionConfiguration(ColumnRoles.NONE, null);

    public SessionConfiguration {
        Objects.requireNonNull(roles);
    }
}
