// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.idx.core.ColumnRole;
import org.idx.core.DataTableEvent;
import org.idx.images.StoreSpec;
import org.idx.io.config.DatasetConfiguration;
import org.idx.ui.config.ConfigurationPage;
import org.idx.ui.config.FirstOpen;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.editor.DatasetEditors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset editor's Configuration page and the first-open wizard, with real widgets. */
class ConfigurationUiTest {

	@TempDir
	Path folder;

	@AfterEach
	void closeEditors() {
		FirstOpen.setAsk(false);
		page().closeAllEditors(false);
	}

	/** A table whose column names IDX does not recognise as roles, and one 8x6 PNG for its rows. */
	private Path writeTable(String name, boolean withMask) throws IOException {
		Files.createDirectories(folder.resolve("pics"));
		ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY), "png", folder.resolve("pics/a.png").toFile());
		StringBuilder csv = new StringBuilder("picture," + (withMask ? "outline," : "") + "px,py,area,treatment\n");
		for (int i = 0; i < 20; i++) {
			csv.append("a.png,").append(withMask ? "a.png," : "").append(String.format(Locale.ROOT, "%d,%d,%.1f,%s\n", i % 8,
					i % 6, 100 + i * 2.5, i % 2 == 0 ? "ctrl" : "siA"));
		}
		Path file = folder.resolve(name);
		Files.writeString(file, csv);
		return file;
	}

	private static ConfigurationPage configurationPage(DatasetEditor editor) {
		Shell shell = page().getWorkbenchWindow().getShell();
		ScrolledComposite holder = WidgetTree.find(shell, ScrolledComposite.class,
				c -> c.getData(ConfigurationPage.DATA_KEY) instanceof ConfigurationPage p && p.dataset() == editor.dataset());
		assertNotNull(holder, "the dataset editor has a Configuration page");
		return (ConfigurationPage) holder.getData(ConfigurationPage.DATA_KEY);
	}

	private static Control pageControl(DatasetEditor editor) {
		Shell shell = page().getWorkbenchWindow().getShell();
		return WidgetTree.find(shell, ScrolledComposite.class,
				c -> c.getData(ConfigurationPage.DATA_KEY) instanceof ConfigurationPage p && p.dataset() == editor.dataset());
	}

	private static Combo roleCombo(Control root, ColumnRole role) {
		Combo combo = WidgetTree.find(root, Combo.class, c -> c.getData("role") == role);
		assertNotNull(combo, "a combo for " + role);
		return combo;
	}

	private static void choose(Combo combo, String item) {
		int index = combo.indexOf(item);
		assertTrue(index >= 0, item + " is offered in " + List.of(combo.getItems()));
		combo.select(index);
		combo.notifyListeners(SWT.Selection, new Event());
	}

	private static Label labelWith(Control root, String key) {
		Label label = WidgetTree.find(root, Label.class, l -> l.getData(key) != null);
		assertNotNull(label, key);
		return label;
	}

	@Test
	void choosingARoleOnThePageSetsTheTableRolesAndThePreviewFindsTheImage() throws Exception {
		DatasetEditor editor = openAndWait(writeTable("cells.csv", false));
		Control root = pageControl(editor);
		List<DataTableEvent.Kind> events = new ArrayList<>();
		editor.dataset().table().addListener(event -> events.add(event.kind()));

		Combo x = roleCombo(root, ColumnRole.ANCHOR_X);
		assertFalse(List.of(x.getItems()).contains("treatment"), "anchors offer numeric columns only");
		assertFalse(List.of(roleCombo(root, ColumnRole.IMAGE).getItems()).contains("area"), "image paths are not numbers");
		choose(x, "px");
		assertEquals("px", editor.dataset().table().roles().column(ColumnRole.ANCHOR_X).orElseThrow());
		assertTrue(events.contains(DataTableEvent.Kind.ROLES_CHANGED), "views hear the new roles");

		choose(roleCombo(root, ColumnRole.IMAGE), "picture");
		Text folderField = WidgetTree.find(root, Text.class, t -> (t.getStyle() & SWT.MULTI) == 0);
		folderField.setText(folder.resolve("pics").toString());
		folderField.notifyListeners(SWT.DefaultSelection, new Event());
		assertEquals(StoreSpec.folder(folder.resolve("pics")), editor.dataset().images().spec());
		Label preview = labelWith(root, "org.idx.ui.config.preview");
		spinUntil(() -> preview.getText().contains("found"), "the preview checks the first image: " + preview.getText());
		assertEquals("row 1 → a.png: found (PNG and JPEG 8x6, 8-bit)", preview.getText());
	}

	@Test
	void testConnectionOnAMissingFolderSaysSoInPlace() throws Exception {
		DatasetEditor editor = openAndWait(writeTable("cells.csv", false));
		Control root = pageControl(editor);
		Path missing = folder.resolve("no such folder");
		Text folderField = WidgetTree.find(root, Text.class, t -> (t.getStyle() & SWT.MULTI) == 0);
		folderField.setText(missing.toString());
		Button test = WidgetTree.find(root, Button.class, b -> "Test connection".equals(b.getText()));
		test.notifyListeners(SWT.Selection, new Event());
		Label result = labelWith(root, "org.idx.ui.config.testResult");
		spinUntil(() -> result.getText().startsWith("The image root"), "the test answers: " + result.getText());
		assertEquals("The image root " + missing + " does not exist.", result.getText());

		folderField.setText(folder.toString());
		test.notifyListeners(SWT.Selection, new Event());
		spinUntil(() -> result.getText().startsWith("Folder"), "the test answers: " + result.getText());
		assertEquals("Folder " + folder + " exists and is readable.", result.getText());
	}

	@Test
	void savedConfigurationLoadsOntoAnotherTableAndNamesTheMissingColumn() throws Exception {
		DatasetEditor first = openAndWait(writeTable("first.csv", true));
		Control root = pageControl(first);
		choose(roleCombo(root, ColumnRole.IMAGE), "picture");
		choose(roleCombo(root, ColumnRole.MASK_IMAGE), "outline");
		choose(roleCombo(root, ColumnRole.ANCHOR_X), "px");
		choose(roleCombo(root, ColumnRole.ANCHOR_Y), "py");
		choose(roleCombo(root, ColumnRole.GROUP), "treatment");
		first.dataset().images().setSpec(StoreSpec.folder(folder.resolve("pics")));
		Path saved = folder.resolve("screen.idx-config.json");
		assertTrue(configurationPage(first).save(saved));
		DatasetConfiguration written = DatasetConfiguration.read(saved);
		assertEquals("pics", written.imageRoot().orElseThrow().properties().get("path"), "a root beside the file is saved relative");

		Files.createDirectories(folder.resolve("other"));
		Path second = writeTable("other/second.csv", false);
		DatasetEditor other = openAndWait(second);
		ConfigurationPage page = configurationPage(other);
		DatasetConfiguration.Applied applied = page.load(saved).orElseThrow();
		assertEquals(Map.of(ColumnRole.MASK_IMAGE, "outline"), applied.missing());
		assertEquals(first.dataset().table().roles().without(ColumnRole.MASK_IMAGE), other.dataset().table().roles());
		assertEquals(StoreSpec.folder(folder.resolve("pics")), other.dataset().images().spec(), "the root is resolved against the file");
		assertTrue(page.status().contains("The table has no column 'outline' (mask image)"), page.status());
		Control otherRoot = pageControl(other);
		assertEquals("px", roleCombo(otherRoot, ColumnRole.ANCHOR_X).getText(), "the page shows the loaded roles");

		Files.writeString(saved, "{\"version\": 1, \"roles\": {\"anchor_x\": 7}}");
		assertTrue(page.load(saved).isEmpty());
		assertTrue(page.status().contains(saved + ":1:38: 'roles.anchor_x' must be text"), page.status());
	}

	@Test
	void aConfigurationBesideTheTableIsAppliedOnOpen() throws Exception {
		Path table = writeTable("cells.csv", false);
		Files.writeString(DatasetConfiguration.besideTable(table), """
				{"version": 1, "roles": {"image": "picture", "anchor_x": "px", "anchor_y": "py"},
				 "imageRoot": {"scheme": "file", "properties": {"path": "pics"}}}
				""");
		DatasetEditor editor = openAndWait(table);
		assertEquals("py", editor.dataset().table().roles().column(ColumnRole.ANCHOR_Y).orElseThrow());
		assertEquals(StoreSpec.folder(folder.resolve("pics")), editor.dataset().images().spec());
		assertTrue(editor.dataset().roleNotes().contains("The configuration cells.csv.idx-config.json beside the table was applied."),
				editor.dataset().roleNotes().toString());
	}

	@Test
	void theFirstOpenWizardConfiguresATableWhoseRolesWereNotRecognised() throws Exception {
		Shell workbench = page().getWorkbenchWindow().getShell(); // first: the test helpers turn the wizard off
		FirstOpen.setAsk(true);
		// not openAndWait: while the wizard is up the workbench window is not the active shell
		DatasetEditor editor = (DatasetEditor) DatasetEditors.open(page(), writeTable("cells.csv", false));
		spinUntil(() -> wizardShell(workbench) != null, "the first-open wizard opens");
		Shell wizard = wizardShell(workbench);
		choose(roleCombo(wizard, ColumnRole.ANCHOR_X), "px");
		assertTrue(editor.dataset().table().roles().column(ColumnRole.ANCHOR_X).isEmpty(), "nothing changes before Finish");
		Button dontAsk = WidgetTree.find(wizard, Button.class, b -> b.getText().startsWith("Don't ask again"));
		dontAsk.setSelection(true);
		Button finish = WidgetTree.find(wizard, Button.class, b -> "&Finish".equals(b.getText()) || "Finish".equals(b.getText()));
		finish.notifyListeners(SWT.Selection, new Event());
		spinUntil(wizard::isDisposed, "Finish closes the wizard");
		assertEquals("px", editor.dataset().table().roles().column(ColumnRole.ANCHOR_X).orElseThrow());
		assertFalse(InstanceScope.INSTANCE.getNode(FirstOpen.NODE).getBoolean(FirstOpen.ASK, true), "don't ask again is kept");
	}

	@Test
	void screenshotOfTheConfigurationPageOnTheSampleScreen() throws Exception {
		if (Screenshots.sampleTable().isEmpty()) {
			return; // the sample screen is generated by ./idx; without it there is nothing to show
		}
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
		DatasetEditor editor = openAndWait(Screenshots.sampleTable().get());
		Control root = pageControl(editor);
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
		page().setPartState(page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
		Label preview = labelWith(root, "org.idx.ui.config.preview");
		spinUntil(() -> preview.getText().contains(": found"), "the sample's first image is found: " + preview.getText());
		Screenshots.take(page().getWorkbenchWindow().getShell(), "configuration.png");
		page().setPartState(page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
	}

	private static Shell wizardShell(Shell workbench) {
		for (Shell shell : workbench.getShells()) {
			if (!shell.isDisposed() && shell.isVisible() && shell.getText().startsWith("Configure ")) {
				return shell;
			}
		}
		return null;
	}
}
