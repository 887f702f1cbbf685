// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.roles;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.idx.core.ColumnRole;

/**
 * How one tool names the columns that carry roles: for each role, column-name patterns in order
 * of preference (matched against the whole name, ignoring case).
 *
 * @param tool     the tool's name, shown to the user ("CellProfiler")
 * @param patterns role -> name patterns, most specific first
 */
record NamingConvention(String tool, Map<ColumnRole, List<Pattern>> patterns) {

	static Pattern name(String regex) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
	}

	/** The conventions IDX knows, most specific tool first; the generic names come last. */
	static final List<NamingConvention> KNOWN = List.of(
			new NamingConvention("CellProfiler", Map.of(
					ColumnRole.IMAGE, List.of(name("URL_(?!.*mask).*"), name("FileName_(?!.*mask)(?!Objects).*")),
					ColumnRole.MASK_IMAGE, List.of(name("ObjectsURL_.*"), name("URL_.*mask.*"), name("ObjectsFileName_.*"),
							name("FileName_.*mask.*")),
					ColumnRole.ANCHOR_X, List.of(name("Location_Center_X"), name("AreaShape_Center_X")),
					ColumnRole.ANCHOR_Y, List.of(name("Location_Center_Y"), name("AreaShape_Center_Y")),
					ColumnRole.ANCHOR_Z, List.of(name("Location_Center_Z"), name("AreaShape_Center_Z")),
					ColumnRole.PLATE, List.of(name("Metadata_Plate")),
					ColumnRole.WELL, List.of(name("Metadata_Well")),
					ColumnRole.FIELD, List.of(name("Metadata_(Field|Site)")),
					ColumnRole.GROUP, List.of(name("Metadata_(Treatment|Condition|Compound|Gene|siRNA)")))),
			new NamingConvention("MoBIE", Map.of(
					ColumnRole.IMAGE, List.of(name("uri")),
					ColumnRole.ANCHOR_X, List.of(name("anchor_x")),
					ColumnRole.ANCHOR_Y, List.of(name("anchor_y")),
					ColumnRole.ANCHOR_Z, List.of(name("anchor_z")))),
			new NamingConvention("ilastik", Map.of(
					ColumnRole.ANCHOR_X, List.of(name("Center of the object_0")),
					ColumnRole.ANCHOR_Y, List.of(name("Center of the object_1")),
					ColumnRole.ANCHOR_Z, List.of(name("Center of the object_2")))),
			new NamingConvention("MorphoLibJ", Map.of(
					ColumnRole.ANCHOR_X, List.of(name("Centroid\\.X")),
					ColumnRole.ANCHOR_Y, List.of(name("Centroid\\.Y")),
					ColumnRole.ANCHOR_Z, List.of(name("Centroid\\.Z")))),
			// scikit-image regionprops: centroid-0 is the row (y), centroid-1 the column (x).
			new NamingConvention("scikit-image", Map.of(
					ColumnRole.ANCHOR_X, List.of(name("centroid-1")),
					ColumnRole.ANCHOR_Y, List.of(name("centroid-0")))),
			new NamingConvention("common names", Map.of(
					ColumnRole.IMAGE, List.of(name("image"), name("image[_ .]?(path|file|name|uri|url)"), name("file(name)?"),
							name("path")),
					ColumnRole.MASK_IMAGE, List.of(name("mask"), name("mask[_ .]?(path|file|image)"), name("label[_ ]?image"),
							name("segmentation")),
					ColumnRole.ANCHOR_X, List.of(name("x"), name("(center|centre|centroid|pos|position)[_ .]?x"), name("cx")),
					ColumnRole.ANCHOR_Y, List.of(name("y"), name("(center|centre|centroid|pos|position)[_ .]?y"), name("cy")),
					ColumnRole.ANCHOR_Z, List.of(name("z"), name("(center|centre|centroid|pos|position)[_ .]?z"),
							name("slice")),
					ColumnRole.ANCHOR_T, List.of(name("t"), name("time(point)?"), name("frame")),
					ColumnRole.PLATE, List.of(name("plate"), name("plate[_ .]?(id|name|barcode)"), name("barcode")),
					ColumnRole.WELL, List.of(name("well"), name("well[_ .]?(id|name)")),
					ColumnRole.FIELD, List.of(name("field"), name("site"), name("field[_ .]?(id|index|number|no)"),
							name("site[_ .]?(id|index|number|no)"), name("fov")),
					ColumnRole.GROUP, List.of(name("group"), name("condition"), name("treatment")))));
}
