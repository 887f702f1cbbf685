// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.idx.core.RowSelection;
import org.idx.images.ImageRoot;
import org.idx.images.testing.ZarrFixture;
import org.idx.images.zarr.HcsPlates;
import org.idx.ui.config.ConfigurationPage;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.gallery.GalleryView;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.idx.ui.plate.PlateMapView;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen whose plate lies at {@code plates/P1.ome.zarr}, where the default look-up does not find it:
 * the plate path setting on the Configuration page ({@code plates/{plate}.ome.zarr}) points the viewer,
 * the gallery and the plate map at it; they share its metadata (each document looked up once); a bad
 * setting is refused in place with a sentence naming it; the setting is saved with the configuration.
 */
class PlatePathUiTest {

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
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

	private Path writeScreen() throws Exception {
		ZarrFixture field = ZarrFixture.image("yx", new long[] { 48, 64 }, new int[] { 48, 64 }).type("uint8")
				.samples(p -> 20 + (p[0] + p[1]) % 40);
		Map<String, List<ZarrFixture>> wells = new LinkedHashMap<>();
		for (String well : new String[] { "A/1", "B/3", "C/4" }) {
			wells.put(well, List.of(field, field));
		}
		ZarrFixture.writeTo(ZarrFixture.plate("plates/P1.ome.zarr", 2, List.of("A", "B", "C"), List.of("1", "2", "3", "4"), wells),
				folder);
		StringBuilder csv = new StringBuilder("plate,well,field,x,y,area\n");
		String[] tableWells = { "B03", "A01", "C04" };
		for (int i = 0; i < 12; i++) {
			csv.append("P1,").append(tableWells[i % 3]).append(',').append(i % 2).append(',').append(10 + i * 3).append(',')
					.append(10 + i * 2).append(',').append(100 + i).append('\n');
		}
		Path table = folder.resolve("screen.csv");
		Files.writeString(table, csv);
		return table;
	}

	private static void enter(Text text, String value) {
		text.setText(value);
		text.notifyListeners(SWT.DefaultSelection, new Event());
	}

	@Test
	void thePlatePathSettingPointsEveryViewAtThePlatesAndTheirMetadataIsReadOnce() throws Exception {
		DatasetEditor editor = openAndWait(writeScreen());
		ImageRoot images = editor.dataset().images();
		ImageView viewer = (ImageView) page().showView(ImageViewerView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		page().activate(editor);
		clickCell(findGrid(), 0, 1);
		spinUntil(() -> viewer.message() != null && viewer.message().contains("nor a folder named after a plate below it"),
				"by default the plate is not found: " + viewer.message(), 30_000);

		Control root = WidgetTree.find(page().getWorkbenchWindow().getShell(), ScrolledComposite.class,
				c -> c.getData(ConfigurationPage.DATA_KEY) instanceof ConfigurationPage p && p.dataset() == editor.dataset());
		Text platePath = WidgetTree.find(root, Text.class, t -> t.getData("org.idx.ui.config.platePath") != null);
		Label problem = WidgetTree.find(root, Label.class, l -> l.getData("org.idx.ui.config.platePathProblem") != null);
		enter(platePath, "plates/{well}.ome.zarr");
		assertTrue(problem.getText().startsWith("The plate path setting 'plates/{well}.ome.zarr' has a brace that is not part of {plate}"),
				problem.getText());
		assertTrue(problem.getVisible(), "the sentence is shown under the field");
		assertTrue(images.platePath().isDefault(), "a bad setting is not applied");

		enter(platePath, "plates/{plate}.ome.zarr");
		assertEquals("", problem.getText());
		assertEquals("plates/{plate}.ome.zarr", images.platePath().text());
		spinUntil(() -> "plates/P1.ome.zarr/B/3/0".equals(viewer.shownKey()), "the viewer finds the plate: " + viewer.message(), 30_000);

		GalleryView gallery = (GalleryView) page().showView(GalleryView.ID);
		page().activate(editor);
		SelectionSourceView source = (SelectionSourceView) page().showView(SelectionSourceView.ID);
		BitSet rows = new BitSet();
		rows.set(0, 6);
		source.provider().setSelection(new DatasetSelection(new RowSelection(editor.dataset().table(), rows, source)));
		spinUntil(() -> gallery.grid().cellCount() == 6 && gallery.grid().doneCount() == 6, "the gallery reads 6 crops", 30_000);
		for (int cell = 0; cell < 6; cell++) {
			assertEquals(null, gallery.grid().problem(cell));
		}
		PlateMapView map = (PlateMapView) page().showView(PlateMapView.ID);
		spinUntil(() -> map.dataset() == editor.dataset() && map.renders() > 0 && map.statusText().contains("from plate metadata"),
				"the plate map draws the plate from its metadata: " + map.statusText(), 30_000);
		// The three views share one holder of the plates: the root, the plate and the 3 wells of the table, each once.
		assertEquals(5, HcsPlates.of(images).documentsRead());

		Path saved = folder.resolve("screen.csv.idx-config.json");
		ConfigurationPage configuration = (ConfigurationPage) root.getData(ConfigurationPage.DATA_KEY);
		assertTrue(configuration.save(saved), configuration.status());
		assertTrue(Files.readString(saved).contains("\"platePath\": \"plates/{plate}.ome.zarr\""), Files.readString(saved));

		enter(platePath, "../{plate}");
		showPage(root);
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		Screenshots.take(page().getWorkbenchWindow().getShell(), "configuration-plate-path.png");
		assertEquals("plates/{plate}.ome.zarr", images.platePath().text(), "the setting in effect stays");
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_RESTORED);
	}

	private static void showPage(Control root) {
		Control child = root;
		while (!(child.getParent() instanceof CTabFolder)) {
			child = child.getParent();
		}
		CTabFolder tabs = (CTabFolder) child.getParent();
		for (CTabItem item : tabs.getItems()) {
			if (item.getControl() == child) {
				tabs.setSelection(item);
				Event event = new Event();
				event.item = item;
				tabs.notifyListeners(SWT.Selection, event);
			}
		}
	}
}
