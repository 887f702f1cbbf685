// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.images.extensions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.idx.images.ImageReader;
import org.idx.images.ReadLimits;
import org.idx.images.ReaderDescriptor;
import org.idx.images.ReaderRegistry;

/**
 * Builds a {@link ReaderRegistry} from the extension point {@code org.idx.images.readers}. The only
 * class of this bundle that touches the Eclipse extension registry; readers are created lazily
 * through {@code createExecutableExtension}. A contribution that does not follow the schema is left
 * out and described in {@link #problems()}.
 */
public final class ReaderExtensions {

    /** The extension point id. */
    public static final String EXTENSION_POINT = "org.idx.images.readers";

    private final ReaderRegistry registry;
    private final List<String> problems;

    private ReaderExtensions(ReaderRegistry registry, List<String> problems) {
        this.registry = registry;
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads the running platform's extension registry.
     *
     * @param limits the limits every reader enforces
     * @return the contributed readers (none when no extension registry is running)
     */
    public static ReaderExtensions fromPlatform(ReadLimits limits) {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return new ReaderExtensions(new ReaderRegistry(List.of(), limits), List.of("no extension registry is running"));
        }
        return fromElements(registry.getConfigurationElementsFor(EXTENSION_POINT), limits);
    }

    /**
     * @param elements the extension point's configuration elements
     * @param limits   the limits every reader enforces
     * @return the readers those elements declare
     */
    public static ReaderExtensions fromElements(IConfigurationElement[] elements, ReadLimits limits) {
        List<ReaderDescriptor> readers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (IConfigurationElement element : elements) {
            if (!"reader".equals(element.getName())) {
                continue;
            }
            String contributor = element.getContributor().getName();
            try {
                ReaderDescriptor d = descriptor(element, contributor);
                if (readers.stream().anyMatch(r -> r.id().equals(d.id()))) {
                    problems.add("image reader '" + d.id() + "' from " + contributor + " ignored: that id is contributed already");
                } else {
                    readers.add(d);
                }
            } catch (IllegalArgumentException e) {
                problems.add("image reader '" + element.getAttribute("id") + "' from " + contributor + " ignored: " + e.getMessage());
            }
        }
        return new ReaderExtensions(new ReaderRegistry(readers, limits), problems);
    }

    private static ReaderDescriptor descriptor(IConfigurationElement element, String contributor) {
        String id = required(element, "id");
        String name = required(element, "name");
        required(element, "class");
        String suffixes = element.getAttribute("suffixes");
        List<String> list = suffixes == null ? List.of() : Arrays.stream(suffixes.split(",")).map(String::trim).toList();
        int priority = 0;
        String p = element.getAttribute("priority");
        if (p != null && !p.isBlank()) {
            try {
                priority = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("priority '" + p + "' is not an integer");
            }
        }
        List<byte[]> magic = ReaderDescriptor.parseMagic(element.getAttribute("magic"));
        String probeText = element.getAttribute("probes");
        List<String> probes = probeText == null ? List.of() : Arrays.stream(probeText.split(",")).map(String::trim).toList();
        if (list.isEmpty() && magic.isEmpty() && probes.stream().allMatch(String::isEmpty)) {
            throw new IllegalArgumentException("it declares neither suffixes, magic bytes nor probes, so it would never be chosen");
        }
        return new ReaderDescriptor(id, name, list, magic, probes, priority, contributor,
                () -> (ImageReader) element.createExecutableExtension("class"));
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks '" + attribute + "'");
        }
        return value.trim();
    }

    /** @return the registry of the contributed readers */
    public ReaderRegistry registry() {
        return registry;
    }

    /** @return contributions that were left out, one sentence each */
    public List<String> problems() {
        return problems;
    }
}
