// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.nio.file.Path;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;
import org.idx.core.ColumnType;
import org.idx.io.delimited.Dialect;
import org.idx.io.delimited.ReadOptions;

/** Restores a {@link DatasetEditorInput} when the workbench restarts. */
public final class DatasetEditorInputFactory implements IElementFactory {

	static final String ID = "org.idx.ui.datasetEditorInputFactory";

	@Override
	public IAdaptable createElement(IMemento memento) {
		String path = memento.getString(DatasetEditorInput.KEY_PATH);
		if (path == null) {
			return null;
		}
		ReadOptions options = ReadOptions.DEFAULTS;
		String delimiter = memento.getString(DatasetEditorInput.KEY_DELIMITER);
		String decimal = memento.getString(DatasetEditorInput.KEY_DECIMAL);
		if (delimiter != null && decimal != null) {
			options = options.withDialect(new Dialect(delimiter.charAt(0), decimal.charAt(0)));
		}
		for (IMemento column : memento.getChildren(DatasetEditorInput.TAG_COLUMN)) {
			try {
				options = options.withColumnType(column.getString(DatasetEditorInput.KEY_NAME),
						ColumnType.valueOf(column.getString(DatasetEditorInput.KEY_TYPE)));
			} catch (IllegalArgumentException | NullPointerException e) {
				// a damaged entry: that column's type is inferred again
			}
		}
		return new DatasetEditorInput(Path.of(path), options);
	}
}
