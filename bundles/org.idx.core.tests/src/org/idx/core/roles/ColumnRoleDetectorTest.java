// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.core.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.idx.core.Column;
import org.idx.core.ColumnRole;
import org.idx.core.DataTable;
import org.idx.core.memory.DoubleArrayColumn;
import org.idx.core.memory.InMemoryDataTable;
import org.idx.core.memory.StringArrayColumn;
import org.junit.jupiter.api.Test;

class ColumnRoleDetectorTest {

	/** Two rows; names ending in '#' are numeric columns, the others text. */
	private static DataTable table(String... names) {
		List<Column> columns = new ArrayList<>();
		for (String name : names) {
			columns.add(name.endsWith("#") ? DoubleArrayColumn.of(name.substring(0, name.length() - 1), 1.5, 2.5)
					: StringArrayColumn.of(name, "a", "b"));
		}
		return new InMemoryDataTable(2, columns);
	}

	private static Map<ColumnRole, String> roles(DataTable table) {
		return ColumnRoleDetector.detect(table).roles().asMap();
	}

	@Test
	void cellProfilerColumns() {
		DataTable table = table("ImageNumber#", "ObjectNumber#", "Metadata_Plate", "Metadata_Well", "FileName_DNA",
				"PathName_DNA", "ObjectsFileName_Nuclei", "Location_Center_X#", "Location_Center_Y#", "AreaShape_Center_X#",
				"AreaShape_Area#");
		assertEquals(Map.of(ColumnRole.PLATE, "Metadata_Plate", ColumnRole.WELL, "Metadata_Well", ColumnRole.IMAGE,
				"FileName_DNA", ColumnRole.MASK_IMAGE, "ObjectsFileName_Nuclei", ColumnRole.ANCHOR_X, "Location_Center_X",
				ColumnRole.ANCHOR_Y, "Location_Center_Y"), roles(table));
	}

	@Test
	void moBIEIlastikMorphoLibJAndScikitImage() {
		assertEquals(Map.of(ColumnRole.IMAGE, "uri", ColumnRole.ANCHOR_X, "anchor_x", ColumnRole.ANCHOR_Y, "anchor_y"),
				roles(table("label_id#", "uri", "anchor_x#", "anchor_y#")));
		assertEquals(Map.of(ColumnRole.ANCHOR_X, "Center of the object_0", ColumnRole.ANCHOR_Y, "Center of the object_1"),
				roles(table("Center of the object_0#", "Center of the object_1#", "Size in pixels#")));
		assertEquals(Map.of(ColumnRole.ANCHOR_X, "Centroid.X", ColumnRole.ANCHOR_Y, "Centroid.Y"),
				roles(table("Label#", "Centroid.X#", "Centroid.Y#")));
		assertEquals(Map.of(ColumnRole.ANCHOR_X, "centroid-1", ColumnRole.ANCHOR_Y, "centroid-0"),
				roles(table("label#", "centroid-0#", "centroid-1#", "area#")), "scikit-image: centroid-0 is the row");
	}

	@Test
	void imageDataExplorerStyleNamesAsInTheSampleScreen() {
		DataTable table = table("plate", "well", "well_row", "well_col#", "image", "mask", "object_id#", "x#", "y#",
				"siRNA", "group", "area#");
		assertEquals(Map.of(ColumnRole.PLATE, "plate", ColumnRole.WELL, "well", ColumnRole.IMAGE, "image",
				ColumnRole.MASK_IMAGE, "mask", ColumnRole.ANCHOR_X, "x", ColumnRole.ANCHOR_Y, "y", ColumnRole.GROUP, "group"),
				roles(table));
		DetectedRoles detected = ColumnRoleDetector.detect(table);
		assertTrue(detected.notes().contains("'x' is the anchor x (common names naming)."), detected.notes().toString());
	}

	@Test
	void fieldColumnsOfCommonTools() {
		assertEquals("Metadata_Field", roles(table("Metadata_Plate", "Metadata_Well", "Metadata_Field#")).get(ColumnRole.FIELD));
		assertEquals("Metadata_Site", roles(table("Metadata_Well", "Metadata_Site#")).get(ColumnRole.FIELD));
		assertEquals("site", roles(table("well", "site#")).get(ColumnRole.FIELD));
		assertEquals("FieldNumber", roles(table("well", "FieldNumber#")).get(ColumnRole.FIELD));
		assertEquals("field", roles(table("plate", "well", "field#", "area#")).get(ColumnRole.FIELD));
		assertEquals(null, roles(table("well", "fieldwork#")).get(ColumnRole.FIELD), "only whole names match");
	}

	@Test
	void typesMustFitTheRole() {
		// a text column named x is no anchor; a numeric column named image is no path
		assertEquals(Map.of(), roles(table("x", "y", "image#")));
	}

	@Test
	void aColumnGetsOneRoleAndMatchingIgnoresCase() {
		Map<ColumnRole, String> roles = roles(table("IMAGE", "X#", "Y#"));
		assertEquals(Optional.of("IMAGE"), Optional.ofNullable(roles.get(ColumnRole.IMAGE)));
		assertEquals("X", roles.get(ColumnRole.ANCHOR_X));
		assertEquals(3, roles.size());
	}
}
