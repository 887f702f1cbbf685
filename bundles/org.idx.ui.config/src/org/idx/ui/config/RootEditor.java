// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.idx.images.StoreSpec;

/**
 * The fields of one kind of image root (one {@link StoreSpec} scheme), contributed through the
 * extension point {@code org.idx.ui.config.rootEditors}. The built-in {@code file} editor is
 * {@link FolderRootEditor}; schemes without an editor get {@link PropertiesRootEditor}. An editor never
 * puts a secret into the spec it returns (specs are saved in configuration files); an editor that asks
 * for keys keeps them in Eclipse secure storage (as the {@code s3} editor of {@code org.idx.ui.s3} does).
 */
public interface RootEditor {

	/**
	 * Creates the fields.
	 *
	 * @param parent   the parent, laid out by the caller
	 * @param scheme   the scheme edited
	 * @param onCommit to call (on the UI thread) when the user has finished a change: Enter, leaving a field,
	 *                 choosing a folder
	 * @return the top control, a child of {@code parent}
	 */
	Control createControl(Composite parent, String scheme, Runnable onCommit);

	/**
	 * Shows a spec.
	 *
	 * @param spec a spec of this editor's scheme
	 */
	void setSpec(StoreSpec spec);

	/** @return the spec the fields describe now (it may be incomplete: opening it says what is missing) */
	StoreSpec spec();
}
