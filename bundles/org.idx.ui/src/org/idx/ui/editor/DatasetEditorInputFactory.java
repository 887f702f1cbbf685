// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;

/** Restores a {@link DatasetEditorInput} when the workbench restarts. */
public final class DatasetEditorInputFactory implements IElementFactory {

	static final String ID = "org.idx.ui.datasetEditorInputFactory";

	@Override
	public IAdaptable createElement(IMemento memento) {
		String path = memento.getString(DatasetEditorInput.KEY_PATH);
		return path == null ? null : new DatasetEditorInput(Path.of(path));
	}
}
