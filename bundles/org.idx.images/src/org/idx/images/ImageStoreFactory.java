// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

/**
 * Opens the {@link ImageStore} a {@link StoreSpec} describes. Contributed through the extension
 * point {@code org.idx.images.stores} (see {@code schema/stores.exsd}) for one scheme; the built-in
 * {@code file} scheme comes through the same door. Implementations need a public no-argument
 * constructor and are thread-safe.
 */
public interface ImageStoreFactory {

    /**
     * Opens a store. Cheap: it checks the spec and builds a client, it does not list the root.
     *
     * @param spec a spec of this factory's scheme
     * @return the store
     * @throws ImageAccessException if the spec is incomplete or invalid; the message names the property
     */
    ImageStore open(StoreSpec spec) throws ImageAccessException;

    /**
     * Checks that the store can be reached and read (used by "Test connection"), e.g. by listing or
     * reading one object. Slow: call it off the UI thread.
     *
     * @param spec a spec of this factory's scheme
     * @return one sentence describing what was found, e.g. "Folder /data/screen exists and is readable."
     * @throws ImageAccessException with one sentence saying exactly what is wrong
     */
    String test(StoreSpec spec) throws ImageAccessException;
}
