// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.confusion;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterValues;
import org.idx.core.DataTable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code confusion} method as the extension registry declares it. Inside the OSGi test runtime
 * that is the platform's registry; run with plain JUnit (no registry), this bundle's plugin.xml is
 * read (or the file named by {@code -Didx.pluginXml}) and handed to the same
 * {@link MethodRegistry#fromElements} the platform path uses, so the declaration is tested either way.
 */
final class Methods {

    private static MethodDescriptor descriptor;

    private Methods() {
    }

    static synchronized MethodDescriptor descriptor() throws Exception {
        if (descriptor == null) {
            Optional<MethodDescriptor> platform = MethodRegistry.fromPlatform().find("confusion");
            descriptor = platform.isPresent() ? platform.get() : fromPluginXml();
        }
        return descriptor;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> report(DataTable table, String... params) throws Exception {
        ParameterValues values = descriptor().parse(List.of(params));
        return new ConfusionMethod().run(table, values, new NullProgressMonitor()).report();
    }

    private static MethodDescriptor fromPluginXml() throws Exception {
        String file = System.getProperty("idx.pluginXml");
        Element root;
        try (InputStream in = file != null ? Files.newInputStream(Path.of(file))
                : ConfusionMethod.class.getClassLoader().getResourceAsStream("plugin.xml")) {
            if (in == null) {
                throw new IllegalStateException("no extension registry and no plugin.xml (set -Didx.pluginXml)");
            }
            root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
        List<IConfigurationElement> methods = new ArrayList<>();
        for (Element extension : children(root, "extension")) {
            if (MethodRegistry.EXTENSION_POINT.equals(extension.getAttribute("point"))) {
                for (Element method : children(extension, "method")) {
                    methods.add(element(method));
                }
            }
        }
        MethodRegistry registry = MethodRegistry.fromElements(methods.toArray(new IConfigurationElement[0]));
        if (!registry.problems().isEmpty()) {
            throw new IllegalStateException(registry.problems().toString());
        }
        return registry.find("confusion").orElseThrow();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                result.add(element);
            }
        }
        return result;
    }

    /** A DOM element seen as an {@link IConfigurationElement} (only what MethodRegistry calls). */
    private static IConfigurationElement element(Element dom) {
        IContributor contributor = (IContributor) Proxy.newProxyInstance(Methods.class.getClassLoader(),
                new Class<?>[] { IContributor.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "org.idx.analysis.confusion";
                    case "toString" -> "org.idx.analysis.confusion";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (IConfigurationElement) Proxy.newProxyInstance(Methods.class.getClassLoader(),
                new Class<?>[] { IConfigurationElement.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> dom.getTagName();
                    case "getAttribute" -> dom.hasAttribute((String) args[0]) ? dom.getAttribute((String) args[0]) : null;
                    case "getChildren" -> children(dom, args == null ? null : (String) args[0]).stream()
                            .map(Methods::element).toArray(IConfigurationElement[]::new);
                    case "getContributor" -> contributor;
                    case "createExecutableExtension" -> Class.forName(dom.getAttribute((String) args[0]))
                            .getConstructor().newInstance();
                    case "toString" -> dom.toString();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
