// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.editor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Listener;

/**
 * For releng/bench: when the system property {@value #PROPERTY} names a file, the first paint of
 * a dataset editor's pages appends a line {@code <table> <ms since JVM start>} to it. Without
 * the property it does nothing.
 */
final class FirstPaintProbe {

	static final String PROPERTY = "idx.bench.firstPaint";

	private FirstPaintProbe() {
	}

	static void watch(Control control, Path table) {
		String report = System.getProperty(PROPERTY);
		if (report == null || control == null) {
			return;
		}
		Listener[] once = new Listener[1];
		once[0] = event -> {
			control.removeListener(SWT.Paint, once[0]);
			long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			try {
				Files.writeString(Path.of(report), table + " " + millis + System.lineSeparator(), StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			} catch (IOException e) {
				// a benchmark aid: nothing to tell the user
			}
		};
		control.addListener(SWT.Paint, once[0]);
		control.redraw();
	}
}
