// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.openAndWait;
import static org.idx.ui.tests.Workbench.page;
import static org.idx.ui.tests.Workbench.spinUntil;

import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.PlatformUI;
import org.idx.core.annotation.Annotations;
import org.idx.ui.annotate.Labelling;
import org.idx.ui.annotate.LabelsView;
import org.idx.ui.editor.DatasetEditor;
import org.idx.ui.plot.ScatterView;
import org.junit.jupiter.api.Test;

/**
 * The README's picture of labels, taken in the Explore perspective when the sample has been
 * generated: the sample plotted coloured by its phenotype labels, "mitotic" recoloured, beside
 * the Labels view.
 */
class LabelsScreenshotUiTest {

	@Test
	void screenshotOfTheSampleColouredByARecolouredLabel() throws Exception {
		if (Screenshots.sampleTable().isEmpty()) {
			return;
		}
		page().getWorkbenchWindow().getShell().setBounds(0, 0, 1280, 800);
		IPerspectiveDescriptor before = page().getPerspective();
		page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
				.findPerspectiveWithId("org.idx.ui.perspective.explore"));
		try {
			// Only the plot and the Labels view beside the table, as in the README's other pictures.
			for (IViewReference other : page().getViewReferences()) {
				if (!other.getId().equals(ScatterView.ID) && !other.getId().equals(LabelsView.ID)) {
					page().hideView(other);
				}
			}
			DatasetEditor editor = openAndWait(Screenshots.sampleTable().get());
			Labelling.Target target = Labelling.target(editor);
			Annotations phenotype = target.session().adoptAnnotations("phenotype");
			Labelling.setActive(target.session(), phenotype);
			LabelsView view = (LabelsView) page().showView(LabelsView.ID);
			ScatterView plot = (ScatterView) page().showView(ScatterView.ID);
			spinUntil(() -> plot.canvas().getSize().x > 250 && plot.canvas().getSize().y > 120, "the plot is laid out: " + plot.canvas().getSize());
			plot.setColumns("area", "mean_intensity", "phenotype");
			LabelsUiTest.waitColoured(plot, () -> true, "the plot is coloured by the phenotype labels");
			int mitotic = phenotype.labels().indexOf("mitotic");
			int renders = plot.renders();
			LabelsUiTest.selectLabel(view, mitotic);
			view.recolour(mitotic, 0xD62728);
			spinUntil(() -> plot.renders() > renders && plot.plotted().levelColors().color(mitotic) == 0xFFD62728,
					"the plot shows mitotic in its new colour");
			Screenshots.take(page().getWorkbenchWindow().getShell(), "labels-recoloured.png");
		} finally {
			page().closeAllEditors(false);
			for (String id : new String[] { ScatterView.ID, LabelsView.ID }) {
				IViewReference ref = page().findViewReference(id);
				if (ref != null) {
					page().hideView(ref);
				}
			}
			page().setPerspective(before);
		}
	}
}
