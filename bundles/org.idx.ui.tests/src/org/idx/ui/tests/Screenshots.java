// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Screenshots of the workbench on the sample screen, for the README: taken only when the sample data has
 * been generated ({@code ./idx} does it) into {@code releng/sampledata/target/sample}, and written to
 * {@code releng/sampledata/target/screenshots}.
 */
final class Screenshots {

	private Screenshots() {
	}

	/** @return the sample table, when it has been generated */
	static Optional<Path> sampleTable() {
		return repository().map(root -> root.resolve("releng/sampledata/target/sample/nuclei.csv")).filter(Files::isRegularFile);
	}

	private static Optional<Path> repository() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("releng/sampledata"))) {
				return Optional.of(dir);
			}
		}
		return Optional.empty();
	}

	/**
	 * Saves what the shell shows as a PNG.
	 *
	 * @param shell the shell
	 * @param name  the file name, e.g. {@code configuration.png}
	 * @return the file written
	 */
	static Path take(Shell shell, String name) throws IOException {
		Display display = shell.getDisplay();
		while (display.readAndDispatch()) {
			// paint everything pending
		}
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		try {
			GC gc = new GC(display);
			try {
				gc.copyArea(image, bounds.x, bounds.y);
			} finally {
				gc.dispose();
			}
			Path dir = repository().orElseThrow().resolve("releng/sampledata/target/screenshots");
			Files.createDirectories(dir);
			Path file = dir.resolve(name);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			try (OutputStream out = Files.newOutputStream(file)) {
				loader.save(out, SWT.IMAGE_PNG);
			}
			return file;
		} finally {
			image.dispose();
		}
	}
}
