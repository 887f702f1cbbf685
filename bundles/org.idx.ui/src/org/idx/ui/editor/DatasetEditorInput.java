// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A table file to open in the dataset editor; remembered across restarts. */
public final class DatasetEditorInput implements IPathEditorInput, IPersistableElement {

	static final String KEY_PATH = "path";

	private final Path file;

	public DatasetEditorInput(Path file) {
		this.file = Objects.requireNonNull(file).toAbsolutePath().normalize();
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
