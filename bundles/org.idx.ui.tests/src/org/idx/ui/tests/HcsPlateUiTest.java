// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.idx.core.ColumnRole;
import org.idx.core.RowSelection;
import org.idx.ui.config.ConfigurationPage;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.gallery.GalleryView;
import org.idx.ui.selection.DatasetSelection;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.idx.ui.plate.PlateMapView;
import org.idx.images.testing.ZarrFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table with plate, well and field columns and no image column, beside an OME-Zarr HCS plate folder
 * ({@code P1.zarr}, rows A-C, columns 1-5, five wells): the viewer shows the field image of the row,
 * and the plate map draws the plate's own 3 x 5 layout from its metadata.
 */
class HcsPlateUiTest {

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (String id : new String[] { ImageViewerView.ID, PlateMapView.ID, GalleryView.ID, SelectionSourceView.ID }) {
			IViewReference ref = page().findViewReference(id);
			if (ref != null) {
				page().hideView(ref);
			}
		}
	}

	private Path writeScreen() throws IOException {
		Map<String, List<ZarrFixture>> wells = new LinkedHashMap<>();
		for (String well : new String[] { "A/1", "A/2", "B/3", "C/4", "C/5" }) {
			int seed = well.hashCode() % 50;
			wells.put(well, List.of(field(seed), field(seed + 100)));
		}
		ZarrFixture.writeTo(ZarrFixture.plate("P1.zarr", 2, List.of("A", "B", "C"), List.of("1", "2", "3", "4", "5"), wells), folder);
		// A table that points at four of the five wells; the anchors lie on the bright objects of the fields.
		StringBuilder csv = new StringBuilder("plate,well,field,x,y,area\n");
		String[] tableWells = { "B03", "A01", "C04", "C5" };
		for (int i = 0; i < 24; i++) {
			csv.append("P1,").append(tableWells[i % 4]).append(',').append(i % 2).append(',').append(8 + 9 * (i / 4)).append(',')
					.append(8 + 6 * (i / 4)).append(',').append(100 + i * 3).append('\n');
		}
		Path file = folder.resolve("hcs.csv");
		Files.writeString(file, csv);
		return file;
	}

	/** A field: dim background and bright discs ("nuclei") on the diagonal where the table's anchors are. */
	@Test
	void theGalleryCropsPlateFieldsAndTheConfigurationPageSaysImagesComeFromPlateMetadata() throws Exception {
		Path table = writeScreen();
		Files.writeString(table, Files.readString(table).replaceFirst("\n(.*)\n", "\n$1\nP1,H12,0,8,8,1\n"));
		DatasetEditor editor = openAndWait(table);
		GalleryView gallery = (GalleryView) page().showView(GalleryView.ID);
		page().activate(editor);
		SelectionSourceView source = (SelectionSourceView) page().showView(SelectionSourceView.ID);
		BitSet rows = new BitSet();
		rows.set(0, 3); // B03 field 0, H12 (not a well of the plate), A01 field 1
		source.provider().setSelection(new DatasetSelection(new RowSelection(editor.dataset().table(), rows, source)));
		spinUntil(() -> gallery.grid().cellCount() == 3 && gallery.grid().doneCount() == 3, "the gallery reads 3 crops", 30_000);
		assertEquals(null, gallery.grid().problem(0));
		assertEquals(null, gallery.grid().problem(2));
		assertEquals("Row 2: well 'H12' (column well) is not in plate 'fixture plate', whose 5 wells lie in rows A–C and columns 1–5.",
				gallery.grid().problem(1));

		Control root = WidgetTree.find(page().getWorkbenchWindow().getShell(), ScrolledComposite.class,
				c -> c.getData(ConfigurationPage.DATA_KEY) instanceof ConfigurationPage p && p.dataset() == editor.dataset());
		Combo fieldCombo = WidgetTree.find(root, Combo.class, c -> c.getData("role") == ColumnRole.FIELD);
		assertEquals("field", fieldCombo.getText(), "the Field role has its picker");
		Label preview = WidgetTree.find(root, Label.class, l -> l.getData("org.idx.ui.config.preview") != null);
		spinUntil(() -> preview.getText().contains("found"), "the preview checks the first image: " + preview.getText(), 30_000);
		assertEquals("row 1 → P1.zarr/B/3/0 (images come from plate metadata): found (OME-Zarr 64x48, 8-bit)", preview.getText());
	}

	private static ZarrFixture field(int seed) {
		return ZarrFixture.image("cyx", new long[] { 1, 48, 64 }, new int[] { 1, 48, 64 }).type("uint8").samples(p -> {
			long y = p[1];
			long x = p[2];
			for (int k = 0; k < 6; k++) {
				long dx = x - (8 + 9 * k);
				long dy = y - (8 + 6 * k);
				if (dx * dx + dy * dy <= 8) {
					return 160 + 15 * k;
				}
			}
			return 20 + (x + y + seed) % 12;
		});
	}

	@Test
	void rowsWithPlateWellAndFieldShowTheirFieldAndThePlateMapShowsThePlatesLayout() throws Exception {
		DatasetEditor editor = openAndWait(writeScreen());
		var roles = editor.dataset().table().roles();
		assertEquals("field", roles.column(ColumnRole.FIELD).orElse(null), "the field column is detected");
		assertTrue(roles.column(ColumnRole.IMAGE).isEmpty(), "there is no image column");

		ImageView viewer = (ImageView) page().showView(ImageViewerView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		clickCell(findGrid(), 0, 1 + 1);
		spinUntil(() -> "P1.zarr/A/1/1".equals(viewer.shownKey()) && viewer.focusRow() == 1,
				"the viewer shows field 1 of well A01 for row 2 (" + viewer.shownKey() + ")", 30_000);
		clickCell(findGrid(), 0, 0 + 1);
		spinUntil(() -> "P1.zarr/B/3/0".equals(viewer.shownKey()) && viewer.focusRow() == 0,
				"the viewer shows field 0 of well B03 for row 1", 30_000);

		PlateMapView map = (PlateMapView) page().showView(PlateMapView.ID);
		spinUntil(() -> map.dataset() == editor.dataset() && map.renders() > 0
				&& map.statusText().contains("from plate metadata"), "the plate map draws the plate from its metadata", 30_000);
		String status = map.statusText();
		assertTrue(status.contains("OME-Zarr plate 'fixture plate' · 3 x 5, 5 wells (from plate metadata)"), status);
		assertTrue(status.contains("4 wells with rows"), status);
		assertTrue(map.tooltip("A02").startsWith("A02 · n = 0"), map.tooltip("A02"));
		assertTrue(map.tooltip("C05").startsWith("C05 · n = 6"), map.tooltip("C05"));
		Screenshots.take(page().getWorkbenchWindow().getShell(), "hcs-plate-map.png");
		page().activate(viewer);
		Screenshots.take(page().getWorkbenchWindow().getShell(), "hcs-field-viewer.png");
	}
}
