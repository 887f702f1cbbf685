// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.analysis.classify;

import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.forms.events.ExpansionAdapter;
import org.eclipse.ui.forms.events.ExpansionEvent;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.Section;
import org.idx.ui.analysis.ReportTable;

/**
 * The scrolling page a classification report is laid out on: headed sections that fold, wrapped
 * sentences and read-only tables (each tagged with its {@link ReportTable#name()} under
 * {@link #TABLE_KEY} so that tests find them).
 */
final class ReportWidgets {

	/** The widget data key that names the report table a {@link Table} shows. */
	static final String TABLE_KEY = "org.idx.report.table";
	/** Wider tables scroll inside themselves, so that the page's sentences wrap at a readable width. */
	private static final int MAX_TABLE_WIDTH = 900;

	private final ScrolledComposite scroller;
	private final Composite content;

	/** @param parent the parent the page fills */
	ReportWidgets(Composite parent) {
		scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		content = new Composite(scroller, SWT.NONE);
		content.setLayout(new GridLayout(1, false));
		scroller.setContent(content);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.addListener(SWT.Resize, event -> reflow());
	}

	/** @return the page's top control */
	ScrolledComposite control() {
		return scroller;
	}

	/** @return the page's content, for sentences above the sections */
	Composite content() {
		return content;
	}

	/**
	 * @param title    the heading
	 * @param expanded whether it starts unfolded
	 * @return the section's body (one column grid)
	 */
	Composite section(String title, boolean expanded) {
		Section section = new Section(content, ExpandableComposite.TWISTIE | ExpandableComposite.TITLE_BAR
				| (expanded ? ExpandableComposite.EXPANDED : 0));
		section.setText(title);
		section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Composite body = new Composite(section, SWT.NONE);
		body.setLayout(new GridLayout(1, false));
		section.setClient(body);
		section.addExpansionListener(new ExpansionAdapter() {
			@Override
			public void expansionStateChanged(ExpansionEvent e) {
				reflow();
			}
		});
		return body;
	}

	/** Lays the page out again and updates its scroll range. */
	void reflow() {
		if (content.isDisposed()) {
			return;
		}
		content.layout(true, true);
		scroller.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
	}

	/**
	 * @param parent the parent
	 * @param text   the sentence
	 * @param bold   whether it is shown in bold
	 * @return the label
	 */
	static Label sentence(Composite parent, String text, boolean bold) {
		Label label = new Label(parent, SWT.WRAP);
		if (bold) {
			label.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
		}
		label.setText(text);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 700;
		label.setLayoutData(data);
		return label;
	}

	/**
	 * A read-only table of a report table; numbers are shown with 4 significant digits (empty cells, undefined
	 * statistics, as NA) except in the
	 * columns listed as {@code exact}.
	 *
	 * @param parent  the parent
	 * @param model   the report table
	 * @param exact   the headers whose cells are shown as they are (counts, names)
	 * @param visible at most this many rows are visible without scrolling the table
	 * @return the table
	 */
	static Table table(Composite parent, ReportTable model, List<String> exact, int visible) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setData(TABLE_KEY, model.name());
		for (String header : model.headers()) {
			new TableColumn(table, SWT.LEFT).setText(header);
		}
		for (List<String> row : model.rows()) {
			TableItem item = new TableItem(table, SWT.NONE);
			for (int c = 0; c < row.size() && c < model.headers().size(); c++) {
				item.setText(c, c == 0 || exact.contains(model.headers().get(c)) ? row.get(c)
						: row.get(c).isEmpty() ? "NA" : ReportTree.display(row.get(c)));
			}
		}
		for (TableColumn column : table.getColumns()) {
			column.pack();
		}
		GridData data = new GridData(SWT.LEFT, SWT.TOP, false, false);
		data.widthHint = Math.min(table.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, MAX_TABLE_WIDTH);
		data.heightHint = Math.min(visible, Math.max(1, model.rows().size())) * table.getItemHeight() + table.getHeaderHeight() + 4;
		table.setLayoutData(data);
		return table;
	}
}
