// SPDX-License-Identifier: GPL-3.0-or-later
package org.idx.plot.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgSurfaceTest {

    @Test
    void writesAWellFormedDocumentWithColoursAndEscapedText() throws Exception {
        SvgSurface s = new SvgSurface(200, 100);
        s.color(0x80FF0000);
        s.fillRect(1, 2, 3, 4);
        s.color(0xFF00FF00);
        s.lineWidth(2);
        s.drawCircle(50, 50, 10);
        s.text("a < b & \"c\"", 10, 10, Surface.Align.RIGHT);
        s.verticalText("count", 2, 50);
        String svg = s.document();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("200", doc.getDocumentElement().getAttribute("width"));
        assertEquals(2, doc.getElementsByTagName("rect").getLength(), "background and the filled rectangle");
        assertTrue(svg.contains("fill=\"#ff0000\" fill-opacity=\"0.502\""), svg);
        assertTrue(svg.contains("stroke=\"#00ff00\" stroke-width=\"2\""), svg);
        assertEquals("a < b & \"c\"", doc.getElementsByTagName("text").item(0).getTextContent());
        assertTrue(svg.contains("text-anchor=\"end\""), svg);
        assertTrue(svg.contains("rotate(-90)"), svg);
    }
}
