// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dialogs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.idx.io.delimited.DelimitedTableReader;
import org.idx.io.delimited.ProgressMonitor;
import org.idx.io.delimited.ReadOptions;
import org.idx.io.delimited.ReadResult;
import org.idx.io.delimited.TableReadException;

/**
 * Reads the first lines of a table (up to {@link #PREVIEW_BYTES}, cut at a line end) with the
 * real reader, so the open dialog can show the dialect and column types the reader will infer.
 */
final class TablePreview {

	static final int PREVIEW_BYTES = 256 * 1024;

	private TablePreview() {
	}

	/** @return the preview's read result; its types are inferred from the first lines only */
	static ReadResult read(Path file, ReadOptions options) throws IOException, TableReadException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(PREVIEW_BYTES);
		}
		int end = head.length;
		if (head.length == PREVIEW_BYTES) {
			while (end > 0 && head[end - 1] != '\n') {
				end--;
			}
		}
		Path copy = Files.createTempFile("idx-preview", "-" + file.getFileName());
		try {
			Files.write(copy, java.util.Arrays.copyOf(head, end));
			return DelimitedTableReader.read(copy, options, ProgressMonitor.NONE);
		} finally {
			Files.deleteIfExists(copy);
		}
	}
}
