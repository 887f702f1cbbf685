// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/** The most recently opened tables, newest first, kept in the instance preferences. */
public final class RecentTables {

	static final int MAX = 8;
	private static final String KEY = "recentTables";
	private static final String QUALIFIER = "org.idx.ui";

	private RecentTables() {
	}

	/** @return the recent tables, newest first */
	public static List<Path> list() {
		String stored = preferences().get(KEY, "");
		List<Path> paths = new ArrayList<>();
		for (String line : stored.split("\n")) {
			if (!line.isBlank()) {
				paths.add(Path.of(line));
			}
		}
		return paths;
	}

	/** Puts a table first in the list. */
	public static void add(Path file) {
		List<Path> paths = list();
		Path normal = file.toAbsolutePath().normalize();
		paths.remove(normal);
		paths.add(0, normal);
		store(paths.subList(0, Math.min(MAX, paths.size())));
	}

	/** Forgets a table (it was moved or deleted). */
	public static void remove(Path file) {
		List<Path> paths = list();
		if (paths.remove(file.toAbsolutePath().normalize())) {
			store(paths);
		}
	}

	private static void store(List<Path> paths) {
		StringBuilder text = new StringBuilder();
		for (Path path : paths) {
			text.append(path).append('\n');
		}
		IEclipsePreferences preferences = preferences();
		preferences.put(KEY, text.toString());
		try {
			preferences.flush();
		} catch (BackingStoreException e) {
			// kept in memory for this session; the next flush tries again
		}
	}

	private static IEclipsePreferences preferences() {
		return InstanceScope.INSTANCE.getNode(QUALIFIER);
	}
}
