// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.idx.analysis.ReportWriter;
import org.idx.io.files.AtomicWrite;

/**
 * The report of one analysis run: what ran on which table and rows with which parameters, which columns
 * it added, and the report as the method's {@link ReportRenderer} shows it (contributed through
 * {@code org.idx.ui.analysis.reportRenderers}; the JSON that {@code idx run --report} writes otherwise).
 * Copy (Ctrl+C) puts the report's tables on the clipboard as tab-separated text; Export CSV writes each
 * table to a CSV file, Export JSON the report.
 */
public final class ReportView extends ViewPart {

	/** The view id; each run opens its own instance (secondary id). */
	public static final String ID = "org.idx.ui.analysis.report";

	private Composite root;
	private Label heading;
	private Composite body;
	private ReportRenderer renderer;
	private ReportContext context;
	private Action exportCsv;

	@Override
	public void createPartControl(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout());
		heading = new Label(root, SWT.WRAP);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		body = new Composite(root, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new FillLayout());
		createActions();
	}

	private void createActions() {
		Action copy = new Action("Copy") {
			@Override
			public void run() {
				copy();
			}
		};
		copy.setToolTipText("Copy the report's tables as tab-separated text (Ctrl+C)");
		exportCsv = new Action("Export CSV...") {
			@Override
			public void run() {
				chooseAndExportCsv();
			}
		};
		exportCsv.setToolTipText("Write each table of the report to a CSV file");
		Action exportJson = new Action("Export JSON...") {
			@Override
			public void run() {
				chooseAndExportJson();
			}
		};
		exportJson.setToolTipText("Write the report as JSON, as idx run --report does");
		IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
		toolbar.add(copy);
		toolbar.add(exportCsv);
		toolbar.add(exportJson);
		getViewSite().getService(IHandlerService.class).activateHandler(IWorkbenchCommandConstants.EDIT_COPY, new AbstractHandler() {
			@Override
			public Object execute(ExecutionEvent event) {
				copy();
				return null;
			}
		});
	}

	/**
	 * Shows a report with the renderer contributed for its method.
	 *
	 * @param run the run and its report
	 */
	void show(ReportContext run) {
		context = run;
		setPartName(run.method().name() + " — " + run.dataset().name());
		String rows = run.rows() == null ? "" : String.format(Locale.ROOT, " (%,d selected rows)", run.rows().cardinality());
		heading.setText(run.method().name() + " on " + run.dataset().source() + rows + " with " + run.values().asMap()
				+ (run.added().isEmpty() ? "" : ". New columns: " + String.join(", ", run.added()) + "."));
		if (renderer != null) {
			renderer.dispose();
		}
		for (org.eclipse.swt.widgets.Control child : body.getChildren()) {
			child.dispose();
		}
		renderer = ReportRenderers.forMethod(run.method().id());
		try {
			renderer.createControl(body, run);
		} catch (RuntimeException e) {
			ILog.of(getClass()).log(Status.error("The report renderer of '" + run.method().id() + "' failed; the report is shown as JSON.", e));
			for (org.eclipse.swt.widgets.Control child : body.getChildren()) {
				child.dispose();
			}
			renderer = new JsonReportRenderer();
			renderer.createControl(body, run);
		}
		exportCsv.setEnabled(!renderer.tables().isEmpty());
		root.layout(true, true);
	}

	/** @return the text Copy puts on the clipboard: every table, tab-separated, or the JSON report */
	public String copyText() {
		if (context == null) {
			return "";
		}
		List<ReportTable> tables = renderer.tables();
		if (tables.isEmpty()) {
			return ReportWriter.toJson(context.report(), true);
		}
		List<String> parts = new ArrayList<>();
		for (ReportTable table : tables) {
			parts.add(table.title() + "\n" + table.toTsv());
		}
		return String.join("\n", parts);
	}

	private void copy() {
		String text = copyText();
		if (text.isEmpty()) {
			return;
		}
		Clipboard clipboard = new Clipboard(root.getDisplay());
		try {
			clipboard.setContents(new Object[] { text }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
	}

	private void chooseAndExportCsv() {
		if (context == null) {
			return;
		}
		FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
		dialog.setText("Export the report's tables as CSV");
		dialog.setFilterExtensions(new String[] { "*.csv" });
		dialog.setFileName(context.method().id() + "-report.csv");
		String chosen = dialog.open();
		if (chosen != null) {
			report(() -> exportCsv(Path.of(chosen)));
		}
	}

	/**
	 * Writes each table to {@code <base>-<table name>.csv} beside {@code file} ({@code report.csv} gives
	 * {@code report-groups.csv}, {@code report-posthoc.csv}...).
	 *
	 * @param file the file name chosen
	 * @return the files written
	 * @throws IOException when one cannot be written
	 */
	public List<Path> exportCsv(Path file) throws IOException {
		String name = file.getFileName().toString();
		String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
		List<Path> written = new ArrayList<>();
		for (ReportTable table : renderer.tables()) {
			Path target = file.resolveSibling(base + "-" + table.name() + ".csv");
			writeAtomically(target, table.toCsv());
			written.add(target);
		}
		return written;
	}

	private void chooseAndExportJson() {
		if (context == null) {
			return;
		}
		FileDialog dialog = new FileDialog(root.getShell(), SWT.SAVE);
		dialog.setText("Export the report as JSON");
		dialog.setFilterExtensions(new String[] { "*.json" });
		dialog.setFileName(context.method().id() + "-report.json");
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		if (chosen != null) {
			Path file = Path.of(chosen);
			report(() -> {
				exportJson(file);
				return List.of(file);
			});
		}
	}

	/**
	 * Writes the report as {@code idx run --report} does.
	 *
	 * @param file the file
	 * @throws IOException when it cannot be written
	 */
	public void exportJson(Path file) throws IOException {
		writeAtomically(file, ReportWriter.toJson(context.report(), true));
	}

	private interface Export {
		List<Path> run() throws IOException;
	}

	private void report(Export export) {
		try {
			List<Path> files = export.run();
			getViewSite().getActionBars().getStatusLineManager().setMessage("Wrote " + files.size() + " file"
					+ (files.size() == 1 ? "" : "s") + ": " + String.join(", ", files.stream().map(Path::toString).toList()));
		} catch (IOException e) {
			ILog.of(getClass()).log(Status.error("The report could not be exported.", e));
			org.eclipse.jface.dialogs.MessageDialog.openError(root.getShell(), "Export", "The report could not be written: " + e.getMessage());
		}
	}

	private static void writeAtomically(Path target, String text) throws IOException {
		AtomicWrite.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** @return the renderer showing the report, for tests */
	public ReportRenderer renderer() {
		return renderer;
	}

	/** @return the report as JSON, for tests */
	public String text() {
		return context == null ? "" : ReportWriter.toJson(context.report(), true);
	}

	@Override
	public void setFocus() {
		body.setFocus();
	}

	@Override
	public void dispose() {
		if (renderer != null) {
			renderer.dispose();
		}
		super.dispose();
	}
}
