// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.ui.tests;

import static org.idx.ui.tests.Workbench.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.idx.ui.annotate.LabelsView;
import org.idx.ui.gallery.GalleryView;
import org.idx.ui.image.ImageViewerView;
import org.idx.ui.perspectives.ExplorePerspective;
import org.idx.ui.plate.PlateMapView;
import org.idx.ui.plot.DistributionView;
import org.idx.ui.plot.ScatterView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Explore perspective as a fresh workspace (or Window > Reset Perspective) lays it out: the
 * Scatter Plot is the visible tab of the plots' folder, whatever order the plug-ins' perspective
 * extensions are read in; the Distribution and the Plate Map are tabs behind it; the image viewer
 * has the folder below the plots; the Gallery and the Labels view are tabs below the table.
 */
class ExplorePerspectiveUiTest {

	private IPerspectiveDescriptor explore;
	private IPerspectiveDescriptor before;
	private boolean wasOpen;

	@BeforeEach
	void openExploreFresh() {
		IWorkbenchPage page = page();
		explore = PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(ExplorePerspective.ID);
		before = page.getPerspective();
		wasOpen = Arrays.asList(page.getOpenPerspectives()).contains(explore);
		page.setPerspective(explore);
		page.resetPerspective();
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// lay the reset perspective out
		}
	}

	/** Leaves the workbench as it was: the views this test made are closed with the perspective. */
	@AfterEach
	void restore() {
		if (before != null && !before.equals(explore)) {
			page().setPerspective(before);
			if (!wasOpen) {
				page().closePerspective(explore, false, false);
			}
		}
	}

	@Test
	void theScatterPlotIsTheVisibleTabOfThePlots() {
		IWorkbenchPage page = page();
		IWorkbenchPart scatter = part(ScatterView.ID);
		assertTrue(page.isPartVisible(scatter), "the Scatter Plot is visible");
		MPartStack plots = stackOf(ScatterView.ID);
		assertEquals(ExplorePerspective.FOLDER_VIEWS, plots.getElementId(), "the Scatter Plot is in the plots' folder");
		assertEquals(ScatterView.ID, plots.getSelectedElement().getElementId(), "the Scatter Plot is the folder's front tab");
		for (String behind : new String[] { PlateMapView.ID, DistributionView.ID }) {
			assertEquals(plots, stackOf(behind), behind + " is a tab of the plots' folder");
			IViewReference reference = page.findViewReference(behind);
			assertNotNull(reference, behind + " is in the perspective");
			IWorkbenchPart part = reference.getPart(false);
			assertFalse(part != null && page.isPartVisible(part), behind + " is behind the Scatter Plot");
		}
	}

	@Test
	void theImagesAreBelowThePlotsAndTheGalleryAndLabelsBelowTheTable() {
		IWorkbenchPage page = page();
		assertEquals(ExplorePerspective.FOLDER_IMAGES, stackOf(ImageViewerView.ID).getElementId(),
				"the image viewer is in the folder below the plots");
		assertTrue(page.isPartVisible(part(ImageViewerView.ID)), "the image viewer is visible");
		for (String id : new String[] { GalleryView.ID, LabelsView.ID }) {
			assertEquals(ExplorePerspective.FOLDER_BOTTOM, stackOf(id).getElementId(), id + " is a tab below the table");
			assertNotNull(page.findViewReference(id), id + " is in the perspective");
		}
	}

	private static IWorkbenchPart part(String id) {
		IViewReference reference = page().findViewReference(id);
		assertNotNull(reference, id + " is in the perspective");
		return reference.getPart(true);
	}

	/** @return the folder (part stack) of the Explore perspective that holds the view */
	private static MPartStack stackOf(String viewId) {
		EModelService models = page().getWorkbenchWindow().getService(EModelService.class);
		MWindow window = page().getWorkbenchWindow().getService(MWindow.class);
		MPerspective perspective = models.getActivePerspective(window);
		assertEquals(ExplorePerspective.ID, perspective.getElementId(), "the Explore perspective is active");
		List<MPlaceholder> found = models.findElements(perspective, viewId, MPlaceholder.class);
		assertEquals(1, found.size(), viewId + " stands once in the perspective");
		MUIElement parent = found.get(0).getParent();
		assertTrue(parent instanceof MPartStack, viewId + " is in a folder");
		return (MPartStack) parent;
	}
}
