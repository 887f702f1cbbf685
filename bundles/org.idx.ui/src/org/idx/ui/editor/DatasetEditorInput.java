// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.idx.io.delimited.ReadOptions;

/**
 * A table file to open in the dataset editor, with the options to read it (the dialect and
 * column types chosen in the open dialog); both are remembered across restarts.
 */
public final class DatasetEditorInput implements IPathEditorInput, IPersistableElement {

	static final String KEY_PATH = "path";
	static final String KEY_DELIMITER = "delimiter";
	static final String KEY_DECIMAL = "decimal";
	static final String TAG_COLUMN = "column";
	static final String KEY_NAME = "name";
	static final String KEY_TYPE = "type";

	private final Path file;
	private final ReadOptions options;

	/** A table read with the default options (sniffed dialect, inferred types). */
	public DatasetEditorInput(Path file) {
		this(file, ReadOptions.DEFAULTS);
	}

	public DatasetEditorInput(Path file, ReadOptions options) {
		this.file = Objects.requireNonNull(file).toAbsolutePath().normalize();
		this.options = Objects.requireNonNull(options);
	}

	/** @return how to read the table */
	public ReadOptions options() {
		return options;
	}

	/** @return the table file */
	public Path file() {
		return file;
	}

	@Override
	public org.eclipse.core.runtime.IPath getPath() {
		return org.eclipse.core.runtime.IPath.fromPath(file);
	}

	@Override
	public boolean exists() {
		return file.toFile().isFile();
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return ImageDescriptor.getMissingImageDescriptor();
	}

	@Override
	public String getName() {
		return file.getFileName().toString();
	}

	@Override
	public IPersistableElement getPersistable() {
		return this;
	}

	@Override
	public String getToolTipText() {
		return file.toString();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter == Path.class ? adapter.cast(file) : null;
	}

	@Override
	public String getFactoryId() {
		return DatasetEditorInputFactory.ID;
	}

	@Override
	public void saveState(IMemento memento) {
		memento.putString(KEY_PATH, file.toString());
		if (options.delimiter() != null) {
			memento.putString(KEY_DELIMITER, options.delimiter().toString());
		}
		if (options.decimal() != null) {
			memento.putString(KEY_DECIMAL, options.decimal().toString());
		}
		options.columnTypes().forEach((name, type) -> {
			IMemento column = memento.createChild(TAG_COLUMN);
			column.putString(KEY_NAME, name);
			column.putString(KEY_TYPE, type.name());
		});
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DatasetEditorInput that && file.equals(that.file);
	}

	@Override
	public int hashCode() {
		return file.hashCode();
	}
}
