// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.idx.images.extensions.StoreExtensions;
import org.idx.ui.dataset.ImageServices;

/**
 * The kinds of image root a user can choose: the installed schemes ({@code org.idx.images.stores}) with
 * their names, and the editor of each ({@code org.idx.ui.config.rootEditors}, else the generic one).
 */
final class RootKinds {

	static final String EDITORS_POINT = "org.idx.ui.config.rootEditors";

	private final Map<String, String> names = new LinkedHashMap<>();
	private final Map<String, IConfigurationElement> editors = new LinkedHashMap<>();

	RootKinds() {
		for (String scheme : ImageServices.get().stores().schemes()) {
			names.put(scheme, scheme);
		}
		for (IConfigurationElement element : Platform.getExtensionRegistry()
				.getConfigurationElementsFor(StoreExtensions.EXTENSION_POINT)) {
			String scheme = element.getAttribute("scheme");
			String name = element.getAttribute("name");
			if (scheme != null && name != null && names.containsKey(scheme.trim().toLowerCase(Locale.ROOT))) {
				names.put(scheme.trim().toLowerCase(Locale.ROOT), name);
			}
		}
		for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(EDITORS_POINT)) {
			String scheme = element.getAttribute("scheme");
			if (scheme == null || element.getAttribute("class") == null) {
				log("An image root editor from " + element.getContributor().getName() + " was ignored: it needs 'scheme' and 'class'.");
			} else if (editors.putIfAbsent(scheme.trim().toLowerCase(Locale.ROOT), element) != null) {
				log("An image root editor for '" + scheme + "' from " + element.getContributor().getName()
						+ " was ignored: that scheme has an editor already.");
			}
		}
	}

	/** @return scheme -> name shown to users, e.g. {@code file -> Local folder} */
	Map<String, String> names() {
		return names;
	}

	/**
	 * @param scheme a scheme
	 * @return a new editor for it: the contributed one, or the generic properties editor
	 */
	RootEditor editor(String scheme) {
		IConfigurationElement element = editors.get(scheme);
		if (element != null) {
			try {
				return (RootEditor) element.createExecutableExtension("class");
			} catch (CoreException | ClassCastException e) {
				ILog.of(RootKinds.class).log(Status.error("The image root editor for '" + scheme + "' could not be created.", e));
			}
		}
		return new PropertiesRootEditor();
	}

	private static void log(String problem) {
		ILog.of(RootKinds.class).log(Status.warning(problem));
	}
}
