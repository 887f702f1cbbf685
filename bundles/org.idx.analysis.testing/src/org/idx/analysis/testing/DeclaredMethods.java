// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.core.runtime.IConfigurationElement;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * An analysis method as its bundle declares it, for the tests of that bundle. Inside the OSGi test
 * runtime the declaration comes from the platform's extension registry. Run with plain JUnit (no
 * registry, as the scripts under {@code releng/bench} do), the bundle's {@code plugin.xml} is read
 * instead and handed to the same {@link MethodRegistry#fromElements} the platform path uses, so the
 * declaration itself is tested either way.
 * <p>
 * Without a registry the {@code plugin.xml} is the file named by the system property
 * {@value #PLUGIN_XML_PROPERTY}, else the resource {@code plugin.xml} of the method class's loader,
 * and the method class's package name stands for the contributing bundle's name.
 */
public final class DeclaredMethods {

    /** System property naming the plugin.xml to read when no extension registry runs. */
    public static final String PLUGIN_XML_PROPERTY = "idx.pluginXml";

    private DeclaredMethods() {
    }

    /**
     * @param methodId    the id the method is declared with
     * @param methodClass a class of the declaring bundle (its loader finds {@code plugin.xml} and
     *                    creates the method)
     * @return the declared method
     * @throws IllegalStateException when the method is not declared or its declaration has problems
     */
    public static MethodDescriptor find(String methodId, Class<?> methodClass) {
        Optional<MethodDescriptor> platform = MethodRegistry.fromPlatform().find(methodId);
        if (platform.isPresent()) {
            return platform.get();
        }
        MethodRegistry registry = MethodRegistry.fromElements(readPluginXml(methodClass));
        if (!registry.problems().isEmpty()) {
            throw new IllegalStateException(registry.problems().toString());
        }
        return registry.find(methodId)
                .orElseThrow(() -> new IllegalStateException("plugin.xml declares no method '" + methodId + "'"));
    }

    private static IConfigurationElement[] readPluginXml(Class<?> methodClass) {
        String file = System.getProperty(PLUGIN_XML_PROPERTY);
        ClassLoader loader = methodClass.getClassLoader();
        String contributor = methodClass.getPackageName();
        try (InputStream in = file != null ? Files.newInputStream(Path.of(file)) : loader.getResourceAsStream("plugin.xml")) {
            if (in == null) {
                throw new IllegalStateException(
                        "no extension registry and no plugin.xml (set -D" + PLUGIN_XML_PROPERTY + "=FILE)");
            }
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            List<IConfigurationElement> methods = new ArrayList<>();
            for (Element extension : PluginXmlElement.children(root, "extension")) {
                if (MethodRegistry.EXTENSION_POINT.equals(extension.getAttribute("point"))) {
                    for (Element method : PluginXmlElement.children(extension, "method")) {
                        methods.add(new PluginXmlElement(method, null, contributor, loader));
                    }
                }
            }
            return methods.toArray(new IConfigurationElement[0]);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read plugin.xml of " + contributor + ": " + e.getMessage(), e);
        }
    }
}
