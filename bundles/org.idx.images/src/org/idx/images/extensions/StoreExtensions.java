// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.extensions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.idx.images.ImageStoreFactory;
import org.idx.images.StoreRegistry;

/**
 * Builds a {@link StoreRegistry} from the extension point {@code org.idx.images.stores}. Factories
 * are created lazily through {@code createExecutableExtension}; a contribution that does not follow
 * the schema is left out and described in {@link #problems()}.
 */
public final class StoreExtensions {

    /** The extension point id. */
    public static final String EXTENSION_POINT = "org.idx.images.stores";

    private final StoreRegistry registry;
    private final List<String> problems;

    private StoreExtensions(StoreRegistry registry, List<String> problems) {
        this.registry = registry;
        this.problems = List.copyOf(problems);
    }

    /** @return the stores contributed to the running platform (none when no extension registry runs) */
    public static StoreExtensions fromPlatform() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return new StoreExtensions(new StoreRegistry(Map.of()), List.of("no extension registry is running"));
        }
        return fromElements(registry.getConfigurationElementsFor(EXTENSION_POINT));
    }

    /**
     * @param elements the extension point's configuration elements
     * @return the stores those elements declare
     */
    public static StoreExtensions fromElements(IConfigurationElement[] elements) {
        Map<String, StoreRegistry.FactorySupplier> suppliers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (IConfigurationElement element : elements) {
            if (!"store".equals(element.getName())) {
                continue;
            }
            String contributor = element.getContributor().getName();
            String scheme = element.getAttribute("scheme");
            if (scheme == null || scheme.isBlank() || element.getAttribute("class") == null) {
                problems.add("image store from " + contributor + " ignored: <store> needs 'scheme' and 'class'");
                continue;
            }
            scheme = scheme.trim().toLowerCase(Locale.ROOT);
            if (suppliers.containsKey(scheme)) {
                problems.add("image store '" + scheme + "' from " + contributor + " ignored: that scheme is contributed already");
                continue;
            }
            suppliers.put(scheme, () -> (ImageStoreFactory) element.createExecutableExtension("class"));
        }
        return new StoreExtensions(new StoreRegistry(suppliers), problems);
    }

    /** @return the registry of the contributed stores */
    public StoreRegistry registry() {
        return registry;
    }

    /** @return contributions that were left out, one sentence each */
    public List<String> problems() {
        return problems;
    }
}
