package com.parkwatch.lot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PklotLabelsTest {

    @TempDir
    Path dir;

    @Test
    void readsRotatedSpacesAndTheirLabels() throws Exception {
        Path xml = Files.writeString(dir.resolve("frame.xml"), """
                <parking id="ufpr05">
                  <space id="1" occupied="0">
                    <rotatedRect><center x="678" y="593" /><size w="82" h="176" /><angle d="-71" /></rotatedRect>
                  </space>
                  <space id="2" occupied="1">
                    <rotatedRect><center x="100" y="50" /><size w="40" h="20" /><angle d="0" /></rotatedRect>
                  </space>
                </parking>
                """);
        PklotLabels read = PklotLabels.read(xml, 1280, 720);
        assertEquals(2, read.layout().size());
        assertEquals(Occupancy.FREE, read.labels().get(1));
        assertEquals(Occupancy.OCCUPIED, read.labels().get(2));
        assertEquals(new Box(80, 40, 40, 20), read.layout().spots().get(1).box());
        // The rotated rectangle's corners lie at half its diagonal from the centre.
        Vertex corner = read.layout().spots().get(0).outline().get(0);
        assertEquals(Math.hypot(41, 88), Math.hypot(corner.x() - 678, corner.y() - 593), 1e-9);
    }

    @Test
    void refusesMalformedXml() throws Exception {
        Path xml = Files.writeString(dir.resolve("bad.xml"), "<parking><space id=");
        assertThrows(LayoutException.class, () -> PklotLabels.read(xml, 1280, 720));
    }

    @Test
    void refusesSpacesOutsideTheFrame() throws Exception {
        Path xml = Files.writeString(dir.resolve("far.xml"), """
                <parking id="ufpr05">
                  <space id="7" occupied="0">
                    <rotatedRect><center x="5000000" y="50" /><size w="40" h="20" /><angle d="0" /></rotatedRect>
                  </space>
                </parking>
                """);
        assertEquals("the layout " + xml + " has a point (4999980, 40) of spot 7 outside its 1280x720 frame",
                assertThrows(LayoutException.class, () -> PklotLabels.read(xml, 1280, 720)).getMessage());
    }
}
