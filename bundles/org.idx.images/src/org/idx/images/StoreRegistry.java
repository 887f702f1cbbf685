// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contributed {@link ImageStoreFactory}s by scheme. Built from the extension point by
 * {@link org.idx.images.extensions.StoreExtensions}, or directly in tests.
 */
public final class StoreRegistry {

    /** Creates a factory when it is first needed. */
    @FunctionalInterface
    public interface FactorySupplier {
        /**
         * @return the factory
         * @throws Exception if it cannot be created
         */
        ImageStoreFactory create() throws Exception;
    }

    private final Map<String, FactorySupplier> suppliers;
    private final Map<String, ImageStoreFactory> created = new TreeMap<>();

    /**
     * @param suppliers the factories by scheme
     */
    public StoreRegistry(Map<String, FactorySupplier> suppliers) {
        this.suppliers = Collections.unmodifiableMap(new TreeMap<>(suppliers));
    }

    /** @return the schemes that can be opened */
    public Set<String> schemes() {
        return suppliers.keySet();
    }

    /**
     * @param spec where the images live
     * @return the opened store
     * @throws ImageAccessException if no factory handles the scheme or the spec is invalid
     */
    public ImageStore open(StoreSpec spec) throws ImageAccessException {
        return factory(spec).open(spec);
    }

    /**
     * Checks that the store can be reached; slow, call it off the UI thread.
     *
     * @param spec where the images live
     * @return one sentence describing what was found
     * @throws ImageAccessException with one sentence saying what is wrong
     */
    public String test(StoreSpec spec) throws ImageAccessException {
        return factory(spec).test(spec);
    }

    private synchronized ImageStoreFactory factory(StoreSpec spec) throws ImageAccessException {
        ImageStoreFactory factory = created.get(spec.scheme());
        if (factory != null) {
            return factory;
        }
        FactorySupplier supplier = suppliers.get(spec.scheme());
        if (supplier == null) {
            throw new ImageAccessException("Image roots of kind '" + spec.scheme() + "' cannot be opened: no installed plug-in handles them"
                    + (suppliers.isEmpty() ? "." : " (installed: " + String.join(", ", suppliers.keySet()) + ")."));
        }
        try {
            factory = supplier.create();
        } catch (Exception e) {
            throw new ImageAccessException("The plug-in for image roots of kind '" + spec.scheme() + "' failed to start: " + e.getMessage(), e);
        }
        created.put(spec.scheme(), factory);
        return factory;
    }
}
