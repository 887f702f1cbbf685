// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.image;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.idx.ui.dataset.ImageServices;

/**
 * The image preferences (Window &gt; Preferences &gt; Images): the bound of the plane cache shared by
 * every viewer, in MiB. The value is applied to {@link ImageServices#cache()} when a viewer opens and
 * whenever it changes.
 */
public final class ImagePreferences extends AbstractPreferenceInitializer {

	/** The preference node. */
	public static final String NODE = "org.idx.ui.image";
	/** The plane cache bound in MiB. */
	public static final String CACHE_MIB = "planeCacheMiB";
	/** Smallest accepted bound, MiB. */
	public static final int MIN_CACHE_MIB = 16;
	/** Largest accepted bound, MiB. */
	public static final int MAX_CACHE_MIB = 65536;

	private static boolean listening;

	@Override
	public void initializeDefaultPreferences() {
		DefaultScope.INSTANCE.getNode(NODE).putInt(CACHE_MIB, (int) (ImageServices.DEFAULT_CACHE_BYTES >> 20));
	}

	/** Applies the cache bound now, and again whenever the preference changes. */
	public static synchronized void apply() {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		if (!listening) {
			listening = true;
			node.addPreferenceChangeListener(event -> {
				if (CACHE_MIB.equals(event.getKey())) {
					applyNow();
				}
			});
		}
		applyNow();
	}

	private static void applyNow() {
		int defaultMib = DefaultScope.INSTANCE.getNode(NODE).getInt(CACHE_MIB, (int) (ImageServices.DEFAULT_CACHE_BYTES >> 20));
		int mib = Math.clamp(InstanceScope.INSTANCE.getNode(NODE).getInt(CACHE_MIB, defaultMib), MIN_CACHE_MIB, MAX_CACHE_MIB);
		ImageServices.get().cache().setMaxBytes((long) mib << 20);
	}
}
