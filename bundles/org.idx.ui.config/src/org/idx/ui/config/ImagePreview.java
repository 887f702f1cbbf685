// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.config;

import java.util.Locale;

import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.ColumnRoles;
import org.idx.core.DataTable;
import org.idx.images.ImageAccessException;
import org.idx.images.ImageMetadata;
import org.idx.images.ImageSource;
import org.idx.images.ImageStore;
import org.idx.images.ReaderDescriptor;
import org.idx.images.PlatePath;
import org.idx.images.ReaderRegistry;
import org.idx.images.StoreRegistry;
import org.idx.images.StoreSpec;
import org.idx.images.zarr.RowImageKeys;

/**
 * The one-line check of a configuration: does the first row's image open? The row's key comes from
 * the image column or, without one, from plate/well/field through the root's OME-Zarr plate metadata
 * ({@link RowImageKeys}). E.g.
 * {@code row 1 → images/P1/A01.tif: found (TIFF 512x512, 16-bit)}, or the sentence saying why not.
 * Reads an image header: call it off the UI thread.
 */
final class ImagePreview {

	private ImagePreview() {
	}

	/**
	 * @param table   the table
	 * @param roles   the roles (the image column is used)
	 * @param spec    where the images live
	 * @param platePath where the plates lie below the image root
	 * @param stores  the kinds of store
	 * @param readers the image readers
	 * @return one line describing the first row's image
	 */
	static String describe(DataTable table, ColumnRoles roles, StoreSpec spec, PlatePath platePath, StoreRegistry stores,
			ReaderRegistry readers) {
		String imageColumn = roles.column(ColumnRole.IMAGE).orElse(null);
		Column column = imageColumn == null ? null : table.findColumn(imageColumn).orElse(null);
		if (imageColumn != null && column == null) {
			return "The table has no column '" + imageColumn + "'.";
		}
		ImageStore store;
		try {
			store = stores.open(spec);
		} catch (ImageAccessException e) {
			return e.getMessage();
		}
		RowImageKeys keys = imageColumn != null && column.naCount() < table.rowCount() ? RowImageKeys.paths(table, roles)
				: RowImageKeys.resolve(table, roles, store, platePath, () -> false);
		if (!keys.canResolve()) {
			return "Choose the image column to check that the rows' images are found.";
		}
		int row = 0;
		while (row < table.rowCount() && keys.keyOrNull(row) == null) {
			row++;
		}
		if (row == table.rowCount()) {
			try {
				keys.key(0);
			} catch (ImageAccessException e) {
				return e.getMessage();
			}
		}
		String key = keys.keyOrNull(row);
		String prefix = String.format(Locale.ROOT, "row %,d → %s%s: ", row + 1, key,
				imageColumn == null ? " (images come from plate metadata)" : "");
		try {
			ReaderDescriptor reader = readers.select(store, key);
			ImageSource source = reader.reader().open(store, key, readers.limits());
			return prefix + "found (" + format(reader) + " " + describe(source.metadata()) + ")";
		} catch (ImageAccessException e) {
			return prefix + e.getMessage();
		}
	}

	/** "TIFF, OME-TIFF and ImageJ TIFF" -> "TIFF"; "PNG and JPEG (Java image I/O)" -> "PNG and JPEG". */
	private static String format(ReaderDescriptor reader) {
		String name = reader.name();
		int cut = name.length();
		for (String end : new String[] { ",", " (" }) {
			int at = name.indexOf(end);
			if (at > 0) {
				cut = Math.min(cut, at);
			}
		}
		return name.substring(0, cut);
	}

	private static String describe(ImageMetadata metadata) {
		StringBuilder text = new StringBuilder();
		text.append(metadata.width()).append('x').append(metadata.height()).append(", ").append(switch (metadata.pixelType()) {
		case UINT8 -> "8-bit";
		case UINT16 -> "16-bit";
		case FLOAT32 -> "32-bit float";
		});
		if (metadata.sizeC() > 1) {
			text.append(", ").append(metadata.sizeC()).append(" channels");
		}
		if (metadata.sizeZ() > 1) {
			text.append(", ").append(metadata.sizeZ()).append(" z");
		}
		if (metadata.sizeT() > 1) {
			text.append(", ").append(metadata.sizeT()).append(" t");
		}
		return text.toString();
	}
}
