// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.idx.core.DataTable;
import org.idx.images.ImageRoot;
import org.idx.io.delimited.Dialect;
import org.idx.io.delimited.ReadWarning;

/**
 * An opened table: the document a dataset editor edits and every view follows. It is what
 * {@code IEditorPart.getAdapter(Dataset.class)} returns for an IDX dataset editor.
 *
 * @param source  the file the table was read from
 * @param table   the column store
 * @param dialect the delimiter and decimal mark the reader used
 * @param warnings what the reader noticed (line and column named in each)
 * @param roleNotes which column roles were detected from the column names, one sentence each
 * @param images  where the rows' images live (the configuration page can point it elsewhere), shared by
 *                every view of this dataset
 */
public record Dataset(Path source, DataTable table, Dialect dialect, List<ReadWarning> warnings,
		List<String> roleNotes, ImageRoot images) {

	public Dataset {
		Objects.requireNonNull(source);
		Objects.requireNonNull(table);
		Objects.requireNonNull(dialect);
		Objects.requireNonNull(images);
		warnings = List.copyOf(warnings);
		roleNotes = List.copyOf(roleNotes);
	}

	/** @return the file name, for titles */
	public String name() {
		return source.getFileName().toString();
	}
}
