// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.analysis.testing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * An element of a {@code plugin.xml} read as DOM, seen as an {@link IConfigurationElement} the way
 * the extension registry would present it (attributes, children, value, contributor, executable
 * extensions created by the declaring bundle's class loader). Only for tests that run without a
 * registry; there is no declaring extension object.
 */
final class PluginXmlElement implements IConfigurationElement {

    private final Element dom;
    private final Object parent;
    private final String contributor;
    private final ClassLoader loader;

    PluginXmlElement(Element dom, Object parent, String contributor, ClassLoader loader) {
        this.dom = dom;
        this.parent = parent;
        this.contributor = contributor;
        this.loader = loader;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                result.add(element);
            }
        }
        return result;
    }

    @Override
    public Object createExecutableExtension(String propertyName) throws CoreException {
        String className = getAttribute(propertyName);
        if (className == null) {
            throw new CoreException(Status.error("<" + getName() + "> has no attribute '" + propertyName + "'"));
        }
        try {
            return loader.loadClass(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new CoreException(new Status(IStatus.ERROR, contributor, "cannot create " + className, e));
        }
    }

    @Override
    public String getAttribute(String name) {
        return dom.hasAttribute(name) ? dom.getAttribute(name) : null;
    }

    @Override
    public String getAttribute(String attrName, String locale) {
        return getAttribute(attrName);
    }

    @Override
    @Deprecated
    public String getAttributeAsIs(String name) {
        return getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        NamedNodeMap attributes = dom.getAttributes();
        String[] names = new String[attributes.getLength()];
        for (int i = 0; i < names.length; i++) {
            names[i] = attributes.item(i).getNodeName();
        }
        return names;
    }

    @Override
    public IConfigurationElement[] getChildren() {
        return getChildren(null);
    }

    @Override
    public IConfigurationElement[] getChildren(String name) {
        return children(dom, name).stream().map(child -> new PluginXmlElement(child, this, contributor, loader))
                .toArray(IConfigurationElement[]::new);
    }

    @Override
    public IExtension getDeclaringExtension() {
        throw new UnsupportedOperationException("a plugin.xml read without a registry has no extension objects");
    }

    @Override
    public String getName() {
        return dom.getTagName();
    }

    @Override
    public Object getParent() {
        return parent;
    }

    @Override
    public String getValue() {
        String text = dom.getTextContent();
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Override
    public String getValue(String locale) {
        return getValue();
    }

    @Override
    @Deprecated
    public String getValueAsIs() {
        return getValue();
    }

    @Override
    @Deprecated
    public String getNamespace() {
        return contributor;
    }

    @Override
    public String getNamespaceIdentifier() {
        return contributor;
    }

    @Override
    public IContributor getContributor() {
        return () -> contributor;
    }

    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public int getHandleId() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "<" + getName() + "> of " + contributor + "/plugin.xml";
    }
}
