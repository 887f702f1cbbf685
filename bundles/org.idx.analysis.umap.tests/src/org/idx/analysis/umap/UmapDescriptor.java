// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.umap;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.idx.analysis.AnalysisResult;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.analysis.ParameterValues;
import org.idx.core.DataTable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The {@code umap} method as the extension registry declares it. Inside the OSGi test runtime
 * that is the platform's registry; run with plain JUnit (no registry), this bundle's plugin.xml is
 * read and handed to the same {@link MethodRegistry#fromElements} the platform path uses, so the
 * declaration is tested either way.
 */
final class UmapDescriptor {

    private static MethodDescriptor descriptor;

    private UmapDescriptor() {
    }

    static synchronized MethodDescriptor descriptor() throws Exception {
        if (descriptor == null) {
            Optional<MethodDescriptor> platform = MethodRegistry.fromPlatform().find("umap");
            descriptor = platform.isPresent() ? platform.get() : fromPluginXml();
        }
        return descriptor;
    }

    /** Runs umap with {@code NAME=VALUE} parameters. */
    static AnalysisResult run(DataTable table, String... params) throws Exception {
        ParameterValues values = descriptor().parse(List.of(params));
        return new UmapMethod().run(table, values, new NullProgressMonitor());
    }

    private static MethodDescriptor fromPluginXml() throws Exception {
        String file = System.getProperty("idx.umap.pluginXml");
        Element root;
        try (InputStream in = file != null ? Files.newInputStream(Path.of(file))
                : UmapMethod.class.getClassLoader().getResourceAsStream("plugin.xml")) {
            if (in == null) {
                throw new IllegalStateException("no extension registry and no plugin.xml (set -Didx.umap.pluginXml)");
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
        return registry.find("umap").orElseThrow();
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
        IContributor contributor = (IContributor) Proxy.newProxyInstance(UmapDescriptor.class.getClassLoader(),
                new Class<?>[] { IContributor.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "org.idx.analysis.umap";
                    case "toString" -> "org.idx.analysis.umap";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (IConfigurationElement) Proxy.newProxyInstance(UmapDescriptor.class.getClassLoader(),
                new Class<?>[] { IConfigurationElement.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> dom.getTagName();
                    case "getAttribute" -> dom.hasAttribute((String) args[0]) ? dom.getAttribute((String) args[0]) : null;
                    case "getChildren" -> children(dom, args == null ? null : (String) args[0]).stream()
                            .map(UmapDescriptor::element).toArray(IConfigurationElement[]::new);
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
