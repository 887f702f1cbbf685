// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.click;
import static org.idx.ui.tests.Workbench.clickCell;
import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;

import javax.imageio.ImageIO;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.idx.core.CategoricalColumn;
import org.idx.core.RowSelection;
import org.idx.core.annotation.Annotations;
import org.idx.core.annotation.LabelSet;
import org.idx.plot.render.RenderMode;
import org.idx.session.TableSession;
import org.idx.ui.annotate.LabelEditOperation;
import org.idx.ui.annotate.Labelling;
import org.idx.ui.annotate.LabelsView;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.gallery.GalleryView;
import org.idx.ui.image.ImageView;
import org.idx.ui.image.ImageViewerView;
import org.idx.ui.plot.ScatterView;
import org.idx.ui.selection.DatasetSelection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels in the real workbench beyond assigning them from the plot (see {@link AnnotateUiTest}):
 * the scatter plot coloured by the annotation column shows each label in its own colour and
 * follows a recolour at once; renaming, recolouring, adding and removing labels go through Edit
 * &gt; Undo/Redo (removing a label in use asks, and Undo gives it back to its rows); the number keys
 * and the Labels view's Assign button label the rows selected in the image viewer and the gallery.
 */
class LabelsUiTest {

	private static final String CONTEXT = "org.idx.ui.annotate.labelKeys";

	@TempDir
	Path folder;

	@BeforeEach
	void bigWindow() {
		page().getWorkbenchWindow().getShell().setSize(1400, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (String id : new String[] { ScatterView.ID, LabelsView.ID, ImageViewerView.ID, GalleryView.ID,
				SelectionSourceView.ID }) {
			IViewReference ref = page().findViewReference(id);
			if (ref != null) {
				page().hideView(ref);
			}
		}
	}

	/** A 10 x 10 grid of points: row i is at (i % 10, i / 10). */
	private Path writeGrid() throws IOException {
		StringBuilder csv = new StringBuilder("x,y\n");
		for (int i = 0; i < 100; i++) {
			csv.append(i % 10).append(',').append(i / 10).append('\n');
		}
		Path file = folder.resolve("grid.csv");
		Files.writeString(file, csv);
		return file;
	}

	private static BitSet bits(int... rows) {
		BitSet bits = new BitSet();
		for (int row : rows) {
			bits.set(row);
		}
		return bits;
	}

	@Test
	void theScatterShowsEachLabelInItsColourAndFollowsRecoloursUndoAndRedo() throws Exception {
		DatasetEditor editor = openAndWait(writeGrid());
		Labelling.Target target = Labelling.target(editor);
		Annotations labels = Labelling.activeOrCreate(target.session(), 2);
		Labelling.run(target, new RowSelection(editor.dataset().table(), bits(12, 13, 14), null), labels, 0);
		Labelling.run(target, new RowSelection(editor.dataset().table(), bits(55), null), labels, 1);
		LabelsView view = (LabelsView) page().showView(LabelsView.ID);
		ScatterView plot = (ScatterView) page().showView(ScatterView.ID);
		plot.setColumns("x", "y", "label");
		waitColoured(plot, () -> plot.canvasPosition(12) != null, "the plot is coloured by the labels");
		int first = 0xFF000000 | labels.labels().label(0).rgb();
		int second = 0xFF000000 | labels.labels().label(1).rgb();
		assertEquals(first, plot.plotted().levelColors().color(0));
		assertEquals(second, plot.plotted().levelColors().color(1));
		int grey = plot.plotted().levelColors().color(CategoricalColumn.NA_CODE);
		assertTrue(isGrey(grey), "unlabelled rows are grey: " + Integer.toHexString(grey));
		waitForPixels(plot, first, second, grey, "the labels' own colours");

		// A recolour in the Labels view repaints the plot in the new colour, with nothing else done.
		int renders = plot.renders();
		view.recolour(0, 0x00A0A0);
		spinUntil(() -> plot.renders() > renders && plot.plotted().levelColors().color(0) == 0xFF00A0A0,
				"the plot follows the recolour");
		waitForPixels(plot, 0xFF00A0A0, second, grey, "the new colour");

		page().activate(editor);
		int beforeUndo = plot.renders();
		handlers().executeCommand("org.eclipse.ui.edit.undo", null);
		assertEquals(first & 0xFFFFFF, labels.labels().label(0).rgb(), "Undo gives the old colour back");
		waitColoured(plot, () -> plot.renders() > beforeUndo && plot.plotted().levelColors().color(0) == first,
				"the plot draws again after Undo");
		waitForPixels(plot, first, second, grey, "the old colour after Undo");
		int beforeRedo = plot.renders();
		handlers().executeCommand("org.eclipse.ui.edit.redo", null);
		assertEquals(0x00A0A0, labels.labels().label(0).rgb(), "Redo recolours again");
		waitColoured(plot, () -> plot.renders() > beforeRedo, "the plot draws again after Redo");
		waitForPixels(plot, 0xFF00A0A0, second, grey, "the new colour after Redo");
	}

	@Test
	void labelledPointsArePaintedAboveUnlabelledOnesAndOverTheDensity() throws Exception {
		// Row 0 is labelled; 300 unlabelled rows after it sit on the same spot; rows 301 and 302 span the axes.
		StringBuilder csv = new StringBuilder("x,y\n");
		for (int i = 0; i <= 300; i++) {
			csv.append("5,5\n");
		}
		csv.append("0,0\n10,10\n");
		Path file = folder.resolve("stacked.csv");
		Files.writeString(file, csv);
		DatasetEditor editor = openAndWait(file);
		Labelling.Target target = Labelling.target(editor);
		Annotations labels = Labelling.activeOrCreate(target.session(), 2);
		Labelling.run(target, new RowSelection(editor.dataset().table(), bits(0), null), labels, 0);
		ScatterView plot = (ScatterView) page().showView(ScatterView.ID);
		plot.setColumns("x", "y", "label");
		waitColoured(plot, () -> plot.canvasPosition(0) != null, "the plot is coloured by the labels");
		int colour = 0xFF000000 | labels.labels().label(0).rgb();
		waitForPixel(plot, 0, colour, "the labelled point above 300 unlabelled ones");
		int renders = plot.renders();
		plot.setMode(RenderMode.DENSITY);
		spinUntil(() -> plot.renders() > renders, "the plot draws again as a density");
		assertTrue(plot.statusText().contains("density"), plot.statusText());
		waitForPixel(plot, 0, colour, "the labelled point over the density");
	}

	/** The exported plot shows {@code argb} at the point of {@code row}. */
	private void waitForPixel(ScatterView plot, int row, int argb, String what) throws IOException {
		Path png = folder.resolve("plot.png");
		int[] seen = new int[1];
		try {
			spinUntil(() -> {
				try {
					plot.exportTo(png, "png");
					Point at = plot.canvasPosition(row);
					seen[0] = at == null ? 0 : ImageIO.read(png.toFile()).getRGB(at.x, at.y);
				} catch (IOException e) {
					throw new AssertionError(e);
				}
				return seen[0] == argb;
			}, "the plot shows " + what);
		} catch (AssertionError e) {
			Screenshots.take(page().getWorkbenchWindow().getShell(), "labels-ui-test-failure.png");
			throw new AssertionError(e.getMessage() + ": row " + row + " is " + Integer.toHexString(seen[0])
					+ ", expected " + Integer.toHexString(argb) + "; " + plot.statusText(), e);
		}
	}

	/** Waits until the plot has drawn a layer coloured by label colours, saying what it shows if it does not. */
	static void waitColoured(ScatterView plot, java.util.function.BooleanSupplier also, String what)
			throws IOException {
		try {
			spinUntil(() -> plot.plotted() != null && plot.plotted().levelColors() != null && plot.renders() > 0
					&& also.getAsBoolean(), what);
		} catch (AssertionError e) {
			Screenshots.take(page().getWorkbenchWindow().getShell(), "labels-ui-test-failure.png");
			throw new AssertionError(e.getMessage() + ": the plot shows "
					+ (plot.plotted() == null ? "nothing (" + plot.message() + ")"
							: "colour " + (plot.plotted().color() == null ? null : plot.plotted().color().name())
									+ " in " + plot.plotted().levelColors())
					+ ", " + plot.renders() + " renders, visible " + page().isPartVisible(plot) + ", status '"
					+ plot.statusText() + "', dataset " + plot.dataset(), e);
		}
	}

	/** The points of rows 12 and 55 and of the unlabelled row 77 have the colours expected. */
	private void waitForPixels(ScatterView plot, int row12, int row55, int row77, String what) throws IOException {
		Path png = folder.resolve("plot.png");
		int[] seen = new int[3];
		try {
			spinUntil(() -> {
				try {
					plot.exportTo(png, "png");
					BufferedImage image = ImageIO.read(png.toFile());
					int[] rows = { 12, 55, 77 };
					for (int i = 0; i < 3; i++) {
						Point at = plot.canvasPosition(rows[i]);
						seen[i] = at == null ? 0 : image.getRGB(at.x, at.y);
					}
				} catch (IOException e) {
					throw new AssertionError(e);
				}
				return seen[0] == row12 && seen[1] == row55 && seen[2] == row77;
			}, "the plot shows " + what);
		} catch (AssertionError e) {
			Screenshots.take(page().getWorkbenchWindow().getShell(), "labels-ui-test-failure.png");
			throw new AssertionError(e.getMessage() + ": rows 12, 55, 77 are " + Integer.toHexString(seen[0]) + " "
					+ Integer.toHexString(seen[1]) + " " + Integer.toHexString(seen[2]) + ", the plot's colour column "
					+ (plot.plotted() == null || plot.plotted().color() == null ? null : plot.plotted().color().name())
					+ " with label 1 in " + (plot.plotted() == null || plot.plotted().levelColors() == null ? null
							: Integer.toHexString(plot.plotted().levelColors().color(0)))
					+ ", highlighted " + plot.getAdapter(RowSelection.class).rows(), e);
		}
	}

	private static boolean isGrey(int argb) {
		int r = argb >> 16 & 0xFF;
		int g = argb >> 8 & 0xFF;
		int b = argb & 0xFF;
		return r == g && g == b && r > 0x80 && r < 0xF0;
	}

	@Test
	void renamingAddingAndRemovingLabelsAreUndoneAndRedone() throws Exception {
		DatasetEditor editor = openAndWait(writeGrid());
		Labelling.Target target = Labelling.target(editor);
		TableSession session = target.session();
		Annotations labels = Labelling.activeOrCreate(session, 3);
		Labelling.run(target, new RowSelection(editor.dataset().table(), bits(1, 2, 3), null), labels, 0);
		Labelling.run(target, new RowSelection(editor.dataset().table(), bits(4, 5), null), labels, 1);
		Labelling.run(target, new RowSelection(editor.dataset().table(), bits(6), null), labels, 2);
		LabelsView view = (LabelsView) page().showView(LabelsView.ID);
		spinUntil(() -> view.shownLabels().contains("1 class 1 3"), "the Labels view counts the labels");
		page().activate(editor);

		Labelling.edit(LabelEditOperation.rename(labels, 1, "mitotic", target.context()));
		assertEquals(List.of("class 1", "mitotic", "class 3"), labels.labels().names());
		assertEquals("mitotic", labels.column().text(4), "the rows keep the renamed label");
		undo();
		assertEquals(List.of("class 1", "class 2", "class 3"), labels.labels().names());
		assertEquals("class 2", labels.column().text(4));
		redo();
		assertEquals("mitotic", labels.column().text(5));

		Labelling.edit(LabelEditOperation.add(labels, new org.idx.core.annotation.Label("dead", 0x202020),
				target.context()));
		assertEquals(List.of("class 1", "mitotic", "class 3", "dead"), labels.labels().names());
		undo();
		assertEquals(List.of("class 1", "mitotic", "class 3"), labels.labels().names());
		assertEquals(List.of("class 1", "mitotic", "class 3"), labels.column().levels());
		redo();
		assertEquals(4, labels.labels().size());

		// Remove… in the Labels view asks before unlabelling the rows of a label in use.
		spinUntil(() -> view.shownLabels().contains("2 mitotic 2"), "the view shows the renamed label");
		LabelSet before = labels.labels();
		int[] codes = Annotations.codesOf(labels.column());
		selectLabel(view, 1);
		Dialogs.Answer asked = Dialogs.answer("Remove Label", "OK");
		pressButton("Remove…");
		assertTrue(asked.answered(), "removing a label in use asks first");
		assertTrue(asked.message().contains("2 rows are labelled 'mitotic'") && asked.message().contains("Undo"),
				asked.message());
		assertEquals(List.of("class 1", "class 3", "dead"), labels.labels().names());
		assertNull(labels.column().text(4), "the rows of the removed label are unlabelled");
		assertEquals("class 3", labels.column().text(6), "the other rows keep their labels");
		assertTrue(editor.isDirty());
		page().activate(editor);
		undo();
		assertEquals(before, labels.labels(), "Undo puts the label back in its place and colour");
		assertTrue(java.util.Arrays.equals(codes, Annotations.codesOf(labels.column())), "and on exactly its rows");
		redo();
		assertNull(labels.column().text(5));

		// Cancelled, nothing is removed.
		undo();
		selectLabel(view, 1);
		Dialogs.Answer cancelled = Dialogs.answer("Remove Label", "Cancel");
		pressButton("Remove…");
		assertTrue(cancelled.answered());
		assertEquals(before, labels.labels(), "a cancelled removal removes nothing");
	}

	static void selectLabel(LabelsView view, int index) {
		org.eclipse.swt.widgets.Table table = WidgetTree.find(page().getWorkbenchWindow().getShell(),
				org.eclipse.swt.widgets.Table.class, t -> t.getColumnCount() == 4 && "Label".equals(t.getColumn(2).getText()));
		assertNotNull(table, "the Labels view's table");
		table.select(index);
		table.notifyListeners(SWT.Selection, new Event());
	}

	private static void pressButton(String text) {
		Button button = WidgetTree.find(page().getWorkbenchWindow().getShell(), Button.class,
				b -> text.equals(b.getText()));
		assertNotNull(button, "the button " + text);
		assertTrue(button.isEnabled(), text + " is enabled");
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static void undo() throws Exception {
		handlers().executeCommand("org.eclipse.ui.edit.undo", null);
	}

	private static void redo() throws Exception {
		handlers().executeCommand("org.eclipse.ui.edit.redo", null);
	}

	// ---------------------------------------------------------------- image viewer and gallery

	private Path writeImageTable() throws IOException {
		Path images = Files.createDirectories(folder.resolve("img"));
		png(images.resolve("a.png"), 90, 60);
		png(images.resolve("b.png"), 50, 50);
		Files.writeString(folder.resolve("objects.csv"), """
				image,x,y
				img/a.png,10,12
				img/a.png,40,30
				img/a.png,70,20
				img/b.png,20,40
				img/b.png,30,10
				""");
		return folder.resolve("objects.csv");
	}

	private static void png(Path file, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.getRaster().setSample(x, y, 0, (x * 3 + y) % 256);
			}
		}
		ImageIO.write(image, "png", file.toFile());
	}

	@Test
	void theNumberKeysAndTheLabelsViewLabelWhatTheImageViewerAndTheGallerySelect() throws Exception {
		DatasetEditor editor = openAndWait(writeImageTable());
		ImageView viewer = (ImageView) page().showView(ImageViewerView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		LabelsView labelsView = (LabelsView) page().showView(LabelsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		page().activate(editor);
		clickCell(findGrid(), 0, 1); // row 0: a.png
		spinUntil(() -> "img/a.png".equals(viewer.shownKey()) && viewer.focusRow() == 0, "the viewer shows a.png");

		// The image viewer: a click on the marker of row 2 selects it; key 2 labels it.
		page().activate(viewer);
		click(viewer.canvas(), viewer.canvas().canvasPosition(70.5, 20.5), 0);
		spinUntil(() -> selectedRows(editor).equals(bits(2)) && Labelling.rows(editor.dataset().table()).origin() == viewer,
				"the marker click selects row 2");
		viewer.canvas().setFocus();
		spinUntil(() -> contexts().getActiveContextIds().contains(CONTEXT), "the number keys are active in the viewer");
		assertEquals(ImageViewerView.ID, page().getActivePart().getSite().getId());
		handlers().executeCommand(boundTo("2"), null);
		spinUntil(() -> editor.dataset().table().findColumn("label").isPresent(), "a label column is made");
		assertEquals(java.util.Arrays.asList(null, null, "class 2", null, null), labelTexts(editor));

		// The gallery: rows 0-3 shown, a click on a crop publishes them; key 1 labels all four.
		GalleryView gallery = (GalleryView) page().showView(GalleryView.ID);
		SelectionSourceView source = (SelectionSourceView) page().showView(SelectionSourceView.ID);
		BitSet four = bits(0, 1, 2, 3);
		source.provider().setSelection(new DatasetSelection(new RowSelection(editor.dataset().table(), four, source)));
		spinUntil(() -> gallery.grid().cellCount() == 4 && gallery.grid().doneCount() == 4, "the gallery reads 4 crops");
		page().activate(gallery);
		click(gallery.grid(), gallery.grid().reveal(1), 0);
		spinUntil(() -> selectedRows(editor).equals(four) && Labelling.rows(editor.dataset().table()).origin() == gallery,
				"the gallery publishes its rows");
		gallery.grid().setFocus();
		spinUntil(() -> contexts().getActiveContextIds().contains(CONTEXT), "the number keys are active in the gallery");
		handlers().executeCommand(boundTo("1"), null);
		assertEquals(java.util.Arrays.asList("class 1", "class 1", "class 1", "class 1", null), labelTexts(editor));
		handlers().executeCommand(boundTo("0"), null);
		assertEquals(java.util.Arrays.asList(null, null, null, null, null), labelTexts(editor), "key 0 clears them");

		// The Labels view's Assign button labels the gallery's rows with the label chosen there.
		assertEquals(gallery, Labelling.rows(editor.dataset().table()).origin(), "the rows are still the gallery's");
		selectLabel(labelsView, 1);
		pressButton("Assign Selection");
		assertEquals(java.util.Arrays.asList("class 2", "class 2", "class 2", "class 2", null), labelTexts(editor));
		page().activate(gallery);
		spinUntil(() -> page().getActivePart() == gallery, "the gallery is active");
		undo();
		assertEquals(java.util.Arrays.asList(null, null, null, null, null), labelTexts(editor),
				"Undo in the gallery takes it back");
	}

	private static BitSet selectedRows(DatasetEditor editor) {
		RowSelection rows = Labelling.rows(editor.dataset().table());
		return rows == null ? new BitSet() : rows.rows();
	}

	private static List<String> labelTexts(DatasetEditor editor) {
		CategoricalColumn column = (CategoricalColumn) editor.dataset().table().column("label");
		String[] texts = new String[column.size()];
		for (int row = 0; row < texts.length; row++) {
			texts[row] = column.text(row);
		}
		return java.util.Arrays.asList(texts);
	}

	private static ParameterizedCommand boundTo(String key) throws Exception {
		IBindingService bindings = page().getWorkbenchWindow().getService(IBindingService.class);
		Binding binding = bindings.getPerfectMatch(KeySequence.getInstance(key));
		assertNotNull(binding, "key " + key + " is bound");
		return binding.getParameterizedCommand();
	}

	private static IContextService contexts() {
		return page().getWorkbenchWindow().getService(IContextService.class);
	}

	private static IHandlerService handlers() {
		return page().getWorkbenchWindow().getService(IHandlerService.class);
	}
}
