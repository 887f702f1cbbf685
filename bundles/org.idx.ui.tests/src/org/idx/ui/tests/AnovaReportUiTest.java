// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewReference;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.core.RowSelection;
import org.idx.ui.analysis.ReportTable;
import org.idx.ui.analysis.ReportView;
import org.idx.ui.analysis.RunAnalysis;
import org.idx.ui.analysis.MethodDialog;
import org.idx.ui.analysis.anova.AnovaReportRenderer;
import org.idx.ui.editor.DatasetEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anova report rendered in the Analysis Report view: decision, tables, box plot, copy and exports. */
class AnovaReportUiTest {

	@TempDir
	Path folder;

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (IViewReference view : page().getViewReferences()) {
			if (view.getId().equals(ReportView.ID)) {
				page().hideView(view);
			}
		}
	}

	/** Four knock-downs of 20 nuclei; siB makes nuclei much larger. */
	private Path writeTable() throws IOException {
		Random random = new Random(42);
		StringBuilder csv = new StringBuilder("id,area,gene\n");
		String[] genes = { "siCTRL", "siA", "siB", "siC" };
		double[] shift = { 0, 5, 60, -8 };
		int id = 0;
		for (int g = 0; g < genes.length; g++) {
			for (int i = 0; i < 20; i++) {
				csv.append(id++).append(',').append(String.format(Locale.ROOT, "%.3f", 200 + shift[g] + 15 * random.nextGaussian()))
						.append(',').append(genes[g]).append('\n');
			}
		}
		Path file = folder.resolve("nuclei.csv");
		Files.writeString(file, csv);
		return file;
	}

	private static ReportView reportView() {
		return Arrays.stream(page().getViewReferences()).filter(v -> v.getId().equals(ReportView.ID))
				.map(v -> v.getView(false)).filter(ReportView.class::isInstance).map(ReportView.class::cast)
				.filter(view -> view.renderer() instanceof AnovaReportRenderer renderer && renderer.plotReady()).findFirst()
				.orElse(null);
	}

	private static void choose(Combo combo, String item) {
		combo.select(combo.indexOf(item));
		combo.notifyListeners(SWT.Selection, new Event());
	}

	@Test
	void anovaOnSelectedRowsShowsTheDecisionThePostHocTableAndExports() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		MethodDescriptor anova = MethodRegistry.fromPlatform().find("anova").orElseThrow();
		BitSet firstThree = new BitSet();
		firstThree.set(0, 60); // siCTRL, siA, siB
		RowSelection selection = new RowSelection(editor.dataset().table(), firstThree, this);
		MethodDialog dialog = new MethodDialog(page().getWorkbenchWindow().getShell(), anova, editor.dataset().table(), selection);
		dialog.setBlockOnOpen(false);
		dialog.open();
		choose((Combo) dialog.fieldControl("value"), "area");
		choose((Combo) dialog.fieldControl("group"), "gene");
		Button selected = dialog.selectedRowsButton();
		assertNotNull(selected, "with rows selected the dialog offers to analyse only those");
		assertEquals("selected (60)", selected.getText());
		selected.setSelection(true);
		for (Button other : Arrays.stream(selected.getParent().getChildren()).filter(c -> c != selected)
				.map(Button.class::cast).toList()) {
			other.setSelection(false);
		}
		dialog.getShell().getDefaultButton().notifyListeners(SWT.Selection, new Event());
		assertEquals(firstThree, dialog.rows());

		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), anova, dialog.values(), dialog.rows());
		spinUntil(() -> reportView() != null, "the anova report is rendered with its box plot");
		ReportView view = reportView();
		AnovaReportRenderer renderer = (AnovaReportRenderer) view.renderer();
		assertTrue(view.text().contains("\"n_total\": 60"), "only the selected rows were analysed");
		assertTrue(view.text().contains("\"n_groups\": 3"));
		String decision = renderer.decisionText();
		assertTrue(decision.startsWith("Decision: ") && decision.contains(" → "), decision);
		assertTrue(decision.contains("Shapiro-Wilk"), decision);

		List<String> names = renderer.tables().stream().map(ReportTable::name).toList();
		assertEquals("groups", names.get(0));
		assertEquals("tests", names.get(1));
		String chosen = names.get(2);
		assertTrue(chosen.startsWith("posthoc_"), names.toString());
		ReportTable posthoc = renderer.tables().get(2);
		assertEquals(3, posthoc.rows().size(), "three pairs of three groups");
		int significance = posthoc.headers().indexOf("significance");
		List<List<String>> marked = posthoc.rows().stream().filter(row -> !row.get(significance).isEmpty()).toList();
		assertTrue(marked.stream().anyMatch(row -> row.contains("siB")), "siB differs from the others: " + posthoc.rows());

		Table shown = WidgetTree.find(page().getWorkbenchWindow().getShell(), Table.class,
				t -> chosen.equals(t.getData("org.idx.report.table")));
		assertNotNull(shown, "the chosen post hoc table is shown");
		assertEquals(3, shown.getItemCount());
		long bold = Arrays.stream(shown.getItems())
				.filter(item -> item.getFont().equals(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT))).count();
		assertEquals(marked.size(), bold, "significant pairs are bold");

		String copied = view.copyText();
		assertTrue(copied.contains("group\tn\tmean\tsd\tmedian\tshapiro_W\tshapiro_p\tnormality"), copied);
		assertTrue(copied.contains("group1\tgroup2\t"), copied);

		List<Path> csv = view.exportCsv(folder.resolve("report.csv"));
		assertEquals(folder.resolve("report-groups.csv"), csv.get(0));
		String groupsCsv = Files.readString(csv.get(0));
		assertTrue(groupsCsv.startsWith("group,n,mean,sd,median,shapiro_W,shapiro_p,normality\r\n"), groupsCsv);
		assertTrue(groupsCsv.contains("\r\nsiCTRL,20,"), groupsCsv);
		view.exportJson(folder.resolve("report.json"));
		assertEquals(view.text(), Files.readString(folder.resolve("report.json")));
		renderer.exportPlot(folder.resolve("box.png"));
		byte[] png = Files.readAllBytes(folder.resolve("box.png"));
		assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));
		renderer.exportPlot(folder.resolve("box.svg"));
		String svg = Files.readString(folder.resolve("box.svg"));
		assertTrue(svg.startsWith("<svg") && svg.contains(">siB</text>"), svg);
	}

	@Test
	void screenshotOfTheReportOnTheSampleScreen() throws Exception {
		if (Screenshots.sampleTable().isEmpty()) {
			return; // the sample screen is generated by ./idx; without it there is nothing to show
		}
		page().getWorkbenchWindow().getShell().setSize(1280, 800);
		DatasetEditor editor = openAndWait(Screenshots.sampleTable().get());
		MethodDescriptor anova = MethodRegistry.fromPlatform().find("anova").orElseThrow();
		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), anova,
				anova.parse(List.of("value=area", "group=siRNA", "groups=scrambled,KIF11,PLK1,AURKB,CDK1")));
		spinUntil(() -> reportView() != null, "the anova report is rendered", 120_000);
		page().activate(reportView());
		page().setPartState(page().getReference(reportView()), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
		Screenshots.take(page().getWorkbenchWindow().getShell(), "anova-report.png");
		Table posthoc = WidgetTree.find(page().getWorkbenchWindow().getShell(), Table.class,
				t -> String.valueOf(t.getData("org.idx.report.table")).startsWith("posthoc_"));
		assertNotNull(posthoc, "the chosen post hoc table is shown");
		Composite ancestor = posthoc.getParent();
		while (!(ancestor instanceof ScrolledComposite)) {
			ancestor = ancestor.getParent();
		}
		ScrolledComposite scroller = (ScrolledComposite) ancestor;
		Point at = scroller.getContent().toControl(posthoc.toDisplay(0, 0));
		scroller.setOrigin(0, Math.max(0, at.y - 120));
		Screenshots.take(page().getWorkbenchWindow().getShell(), "anova-report-posthoc.png");
		page().setPartState(page().getReference(reportView()), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
	}
}
