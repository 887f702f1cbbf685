// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.s3;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.idx.images.s3.S3StoreFactory;

/**
 * Images &gt; Object stores: the size limit of the disk cache of ranged reads from object stores
 * (instance preference {@link S3StoreFactory#DISK_CACHE_MEGABYTES} of node {@link S3StoreFactory#PREFERENCE_NODE};
 * 0 turns the cache off). Image roots opened afterwards use the new size.
 */
public final class ObjectStoresPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Creates the page. */
	public ObjectStoresPreferencePage() {
		super(GRID);
		ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, S3StoreFactory.PREFERENCE_NODE);
		store.setDefault(S3StoreFactory.DISK_CACHE_MEGABYTES, S3StoreFactory.DEFAULT_DISK_CACHE_MEGABYTES);
		setPreferenceStore(store);
		setDescription("Images read from S3-compatible object stores are fetched in ranges and kept in a disk cache. "
				+ "Credentials are kept in Eclipse secure storage, never in configuration files.");
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor size = new IntegerFieldEditor(S3StoreFactory.DISK_CACHE_MEGABYTES, "Disk cache size (MB, 0 = off):",
				getFieldEditorParent());
		size.setValidRange(0, 1_048_576);
		addField(size);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is made in the constructor
	}
}
