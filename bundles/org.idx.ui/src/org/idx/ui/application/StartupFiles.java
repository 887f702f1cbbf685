// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.application;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables to open when the workbench starts: the non-option arguments of the application,
 * or else the sample table named by the {@code idx.sample} system property (set by the start
 * script to the bundled sample data) when that file exists.
 */
record StartupFiles(List<Path> tables) {

	static final String SAMPLE_PROPERTY = "idx.sample";

	static StartupFiles from(String[] args) {
		List<Path> tables = new ArrayList<>();
		if (args != null) {
			for (String arg : args) {
				if (!arg.startsWith("-")) {
					tables.add(Path.of(arg).toAbsolutePath());
				}
			}
		}
		if (tables.isEmpty()) {
			String sample = System.getProperty(SAMPLE_PROPERTY);
			// The sample is a convenience: an installation without it starts on an empty workbench.
			if (sample != null && !sample.isBlank() && java.nio.file.Files.isRegularFile(Path.of(sample))) {
				tables.add(Path.of(sample).toAbsolutePath());
			}
		}
		return new StartupFiles(List.copyOf(tables));
	}
}
