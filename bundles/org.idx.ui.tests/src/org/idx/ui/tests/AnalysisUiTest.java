// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.findGrid;
import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewReference;
import org.idx.analysis.MethodDescriptor;
import org.idx.analysis.MethodRegistry;
import org.idx.ui.analysis.MethodDialog;
import org.idx.ui.analysis.ReportView;
import org.idx.ui.analysis.RunAnalysis;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plot.ScatterView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A method run from the workbench: its generated dialog, the job, the new columns in the grid, the report. */
class AnalysisUiTest {

	@TempDir
	Path folder;

	@BeforeEach
	void wideWindow() {
		// room for the new columns in the grid beside the plot folder
		page().getWorkbenchWindow().getShell().setSize(2200, 1000);
	}

	@AfterEach
	void closeAll() {
		page().closeAllEditors(false);
		for (IViewReference view : page().getViewReferences()) {
			if (view.getId().equals(ReportView.ID)) {
				page().hideView(view);
			}
		}
	}

	private Path writeTable() throws IOException {
		StringBuilder csv = new StringBuilder("id,area,intensity,shape,gene\n");
		for (int i = 0; i < 60; i++) {
			csv.append(i).append(',').append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f", 100 + 7.0 * (i % 9) + i,
					500 - 3.0 * i + (i % 4) * 11, 0.5 + (i % 5) * 0.07)).append(',').append(i % 2 == 0 ? "ctrl" : "siA")
					.append('\n');
		}
		Path file = folder.resolve("cells.csv");
		Files.writeString(file, csv);
		return file;
	}

	@Test
	void pcaFromTheDialogAddsColumnsToTheGridAndShowsItsReport() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		MethodDescriptor pca = MethodRegistry.fromPlatform().find("pca").orElseThrow();
		MethodDialog dialog = new MethodDialog(page().getWorkbenchWindow().getShell(), pca, editor.dataset().table());
		dialog.setBlockOnOpen(false);
		dialog.open();
		((Text) dialog.fieldControl("components")).setText("0");
		Button run = dialog.getShell().getDefaultButton();
		run.notifyListeners(SWT.Selection, new Event());
		assertTrue(dialog.getErrorMessage() != null && dialog.getErrorMessage().contains("components"),
				"a bad value keeps the dialog open and names the parameter: " + dialog.getErrorMessage());
		((Text) dialog.fieldControl("components")).setText("3");
		run.notifyListeners(SWT.Selection, new Event());
		assertEquals(3L, dialog.values().integer("components"));

		NatTable grid = findGrid();
		int columns = editor.dataset().table().columnCount();
		Job job = RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), pca, dialog.values());
		spinUntil(() -> job.getResult() != null && "PC3\nnumeric".equals(grid.getDataValueByPosition(columns + 3, 0)),
				"PC1..PC3 join the grid");
		assertEquals("PC1\nnumeric", grid.getDataValueByPosition(columns + 1, 0));
		assertEquals("PC3\nnumeric", grid.getDataValueByPosition(columns + 3, 0));

		spinUntil(() -> page().getViewReferences().length > 0
				&& java.util.Arrays.stream(page().getViewReferences()).anyMatch(v -> v.getId().equals(ReportView.ID)
						&& v.getView(false) instanceof ReportView report && report.text().contains("explained_variance_ratio")),
				"the report view shows the pca report");
	}

	@Test
	void aReductionBecomesTheScatterPlotsAxesAndAClusteringItsColour() throws Exception {
		DatasetEditor editor = openAndWait(writeTable());
		ScatterView plot = (ScatterView) page().showView(ScatterView.ID);
		spinUntil(() -> plot.plotted() != null, "the plot shows the table");
		MethodRegistry methods = MethodRegistry.fromPlatform();
		MethodDescriptor pca = methods.find("pca").orElseThrow();
		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), pca, pca.parse(java.util.List.of()));
		spinUntil(() -> plot.plotted() != null && "PC1".equals(plot.plotted().x().name())
				&& "PC2".equals(plot.plotted().y().name()), "the plot switches to PC1 and PC2");

		MethodDescriptor kmeans = methods.find("kmeans").orElseThrow();
		RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), kmeans, kmeans.parse(java.util.List.of("k=2")));
		spinUntil(() -> plot.plotted().color() != null && "kmeans".equals(plot.plotted().color().name()),
				"the plot colours by the clusters");
		assertEquals("PC1", plot.plotted().x().name(), "a clustering keeps the axes");

		// Re-running with "replace" overwrites the columns; with "add" it versions them.
		int columns = editor.dataset().table().columnCount();
		Job again = RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), kmeans, kmeans.parse(java.util.List.of("k=3")), true);
		spinUntil(() -> again.getResult() != null, "k-means ran again");
		assertEquals(columns, editor.dataset().table().columnCount());
		Job versioned = RunAnalysis.start(page().getWorkbenchWindow(), editor.dataset(), kmeans, kmeans.parse(java.util.List.of("k=3")), false);
		spinUntil(() -> versioned.getResult() != null && editor.dataset().table().findColumn("kmeans.1").isPresent(),
				"k-means added kmeans.1");
		page().hideView(plot);
	}
}
