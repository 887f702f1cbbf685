// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window &gt; Preferences &gt; Images: how much memory decoded image planes may keep. */
public final class ImagesPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	/** Creates the page. */
	public ImagesPreferencePage() {
		super(GRID);
		setDescription("Decoded image planes are kept in memory so that moving through z, t and rows that share an "
				+ "image is fast. The cache is shared by the image viewers and the gallery of every open table.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, ImagePreferences.NODE));
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor cache = new IntegerFieldEditor(ImagePreferences.CACHE_MIB, "Plane cache (MiB):",
				getFieldEditorParent());
		cache.setValidRange(ImagePreferences.MIN_CACHE_MIB, ImagePreferences.MAX_CACHE_MIB);
		addField(cache);
	}

	@Override
	public boolean performOk() {
		boolean ok = super.performOk();
		ImagePreferences.apply();
		return ok;
	}
}
