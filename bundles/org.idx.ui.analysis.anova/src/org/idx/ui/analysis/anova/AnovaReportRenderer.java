// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.anova;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.Section;
import org.idx.analysis.AnalysisException;
import org.idx.core.Column;
import org.idx.core.NumericColumn;
import org.idx.ui.analysis.ReportContext;
import org.idx.ui.analysis.ReportRenderer;
import org.idx.ui.analysis.ReportTable;
import org.idx.ui.views.ExportDialog;

/**
 * The {@code anova} report as a biologist reads it: the decision and why it was taken, the chosen test's
 * result, the groups (n, mean, sd, median, Shapiro-Wilk) with a box plot, Bartlett and the omnibus tests,
 * the chosen post hoc table with significant pairs in bold and starred, and, folded away, the tests that
 * were not chosen. Contributed through {@code org.idx.ui.analysis.reportRenderers} like any other renderer.
 */
public final class AnovaReportRenderer implements ReportRenderer {

	private static final int PLOT_WIDTH = 640;
	private static final int PLOT_HEIGHT = 320;

	private final List<ReportTable> tables = new ArrayList<>();
	private ScrolledComposite scroller;
	private Composite content;
	private Label decision;
	private Canvas plot;
	private BoxPlotData boxes;

	@Override
	public Control createControl(Composite parent, ReportContext context) {
		double alpha = context.values().isSet("alpha") ? context.values().number("alpha") : 0.05;
		AnovaReading reading = new AnovaReading(context.report(), alpha);
		scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		content = new Composite(scroller, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		scroller.setContent(content);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);

		decision = new Label(content, SWT.WRAP);
		decision.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
		decision.setText("Decision: " + reading.decision());
		decision.setLayoutData(wide());
		Label result = new Label(content, SWT.WRAP);
		result.setText(reading.result());
		result.setLayoutData(wide());

		ReportTable groups = reading.groupTable();
		Composite groupsBody = section("Groups", true);
		table(groupsBody, groups, -1);
		plotArea(groupsBody, context, reading);

		ReportTable tests = reading.testTable();
		table(section("Assumption and omnibus tests", true), tests, -1);
		tables.add(groups);
		tables.add(tests);

		List<String> order = reading.postHocOrder();
		for (int i = 0; i < order.size(); i++) {
			String posthoc = order.get(i);
			ReportTable table = reading.postHocTable(posthoc);
			boolean chosen = i == 0 && posthoc.equals(reading.chosenPostHoc());
			String title = (chosen ? "Post hoc (chosen): " : "Not chosen: ") + AnovaReading.postHocName(posthoc);
			Composite body = section(title, chosen);
			if (table == null) {
				new Label(body, SWT.WRAP).setText("Not computed (see the messages).");
			} else {
				Label caption = new Label(body, SWT.WRAP);
				caption.setText(table.title() + ". * p < " + AnovaReading.number(alpha) + ", ** p < 0.01, *** p < 0.001.");
				table(body, table, table.headers().indexOf("significance"));
				tables.add(table);
			}
		}
		Composite others = section("Not chosen: omnibus tests", false);
		for (String test : List.of("anova", "welch", "kruskal")) {
			if (!test.equals(reading.chosenTest())) {
				new Label(others, SWT.WRAP).setText(reading.omnibus(test));
			}
		}
		List<String> messages = reading.messages();
		if (!messages.isEmpty()) {
			Composite body = section("Messages (" + messages.size() + ")", true);
			for (String message : messages) {
				Label label = new Label(body, SWT.WRAP);
				label.setText(message);
				label.setLayoutData(wide());
			}
		}
		reflow();
		scroller.addListener(SWT.Resize, event -> reflow());
		return scroller;
	}

	private static GridData wide() {
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 700;
		return data;
	}

	private Composite section(String title, boolean expanded) {
		Section section = new Section(content, ExpandableComposite.TWISTIE | ExpandableComposite.TITLE_BAR
				| (expanded ? ExpandableComposite.EXPANDED : 0));
		section.setText(title);
		section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Composite body = new Composite(section, SWT.NONE);
		body.setLayout(new GridLayout(1, false));
		section.setClient(body);
		section.addExpansionListener(new org.eclipse.ui.forms.events.ExpansionAdapter() {
			@Override
			public void expansionStateChanged(org.eclipse.ui.forms.events.ExpansionEvent e) {
				reflow();
			}
		});
		return body;
	}

	private void reflow() {
		if (content.isDisposed()) {
			return;
		}
		content.layout(true, true);
		scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	/** A read-only table; rows with a significance mark are bold. */
	private static void table(Composite parent, ReportTable model, int significance) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData("org.idx.report.table", model.name());
		for (String header : model.headers()) {
			new TableColumn(table, SWT.LEFT).setText(header);
		}
		Font bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
		for (List<String> row : model.rows()) {
			TableItem item = new TableItem(table, SWT.NONE);
			for (int c = 0; c < row.size(); c++) {
				item.setText(c, display(model.headers().get(c), row.get(c)));
			}
			if (significance >= 0 && !row.get(significance).isEmpty()) {
				item.setFont(bold);
			}
		}
		for (TableColumn column : table.getColumns()) {
			column.pack();
		}
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.heightHint = Math.min(12, Math.max(1, model.rows().size())) * table.getItemHeight() + table.getHeaderHeight() + 4;
		table.setLayoutData(data);
	}

	/** Numbers shown with 4 significant digits; counts and names as they are. */
	private static String display(String header, String cell) {
		if (cell.isEmpty() || header.equals("n") || header.startsWith("group")) {
			return cell;
		}
		try {
			return AnovaReading.number(Double.parseDouble(cell));
		} catch (NumberFormatException e) {
			return cell;
		}
	}

	private void plotArea(Composite parent, ReportContext context, AnovaReading reading) {
		plot = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		GridData data = new GridData(SWT.LEFT, SWT.TOP, false, false);
		data.widthHint = PLOT_WIDTH;
		data.heightHint = PLOT_HEIGHT;
		plot.setLayoutData(data);
		plot.addListener(SWT.Paint, event -> {
			if (boxes != null) {
				BoxPlotPainter.paint(event.gc, boxes, plot.getSize().x, plot.getSize().y);
			} else {
				event.gc.drawText("Computing the box plot…", 10, 10);
			}
		});
		Composite buttons = new Composite(parent, SWT.NONE);
		buttons.setLayout(new GridLayout(2, false));
		Button png = new Button(buttons, SWT.PUSH);
		png.setText("Export PNG...");
		png.addListener(SWT.Selection, event -> chooseAndExport("png"));
		Button svg = new Button(buttons, SWT.PUSH);
		svg.setText("Export SVG...");
		svg.addListener(SWT.Selection, event -> chooseAndExport("svg"));

		List<String> names = reading.groups().stream().map(group -> String.valueOf(group.get("name"))).toList();
		Job.create("Box plot of " + context.method().name(), monitor -> {
			try {
				Column value = context.values().column(context.dataset().table(), "value").orElse(null);
				Column group = context.values().column(context.dataset().table(), "group").orElse(null);
				if (value instanceof NumericColumn numeric && group != null) {
					BoxPlotData computed = BoxPlotData.of(context.dataset().table(), numeric, group, context.rows(), names);
					plot.getDisplay().asyncExec(() -> {
						if (!plot.isDisposed()) {
							boxes = computed;
							plot.redraw();
						}
					});
				}
			} catch (AnalysisException | RuntimeException e) {
				ILog.of(AnovaReportRenderer.class).log(Status.warning("The box plot could not be computed.", e));
			}
			return Status.OK_STATUS;
		}).schedule();
	}

	private void chooseAndExport(String format) {
		if (boxes == null) {
			return;
		}
		ExportDialog.open(plot.getShell(), "anova-boxplot." + format, format, this::exportPlot);
	}

	/**
	 * Writes the box plot as PNG or SVG (by the file's suffix).
	 *
	 * @param file the file
	 * @throws IOException when it cannot be written
	 */
	public void exportPlot(Path file) throws IOException {
		if (boxes == null) {
			throw new IOException("the box plot is not computed yet");
		}
		if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
			Files.writeString(file, BoxPlotSvg.of(boxes, PLOT_WIDTH, PLOT_HEIGHT), StandardCharsets.UTF_8);
			return;
		}
		Image image = new Image(plot.getDisplay(), PLOT_WIDTH, PLOT_HEIGHT);
		try {
			GC gc = new GC(image);
			try {
				BoxPlotPainter.paint(gc, boxes, PLOT_WIDTH, PLOT_HEIGHT);
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			try (var out = Files.newOutputStream(file)) {
				loader.save(out, SWT.IMAGE_PNG);
			}
		} finally {
			image.dispose();
		}
	}

	/** @return whether the box plot has been computed (for tests) */
	public boolean plotReady() {
		return boxes != null;
	}

	/** @return the decision line shown (for tests) */
	public String decisionText() {
		return decision.getText();
	}

	@Override
	public List<ReportTable> tables() {
		return tables;
	}
}
