package com.parkwatch.lot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackPolygonsAndBoxes() throws Exception {
        Layout layout = new Layout(1280, 720, List.of(Spot.ofBox(1, new Box(10, 20, 30, 40)),
                new Spot(2, PklotLabels.corners(600, 300, 50, 100, -70))));
        Path file = dir.resolve("lot.json");
        LayoutFiles.write(layout, file);
        assertEquals(layout, LayoutFiles.read(file));
    }

    @Test
    void refusesFilesThatAreNotLayouts() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{not json");
        assertTrue(assertThrows(LayoutException.class, () -> LayoutFiles.read(garbage)).getMessage()
                .contains("not a JSON polygon layout"));
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"width\":10,\"height\":10,\"spots\":[]}");
        assertTrue(assertThrows(LayoutException.class, () -> LayoutFiles.read(empty)).getMessage().contains("no spots"));
        Path twoPoints = Files.writeString(dir.resolve("line.json"),
                "{\"width\":10,\"height\":10,\"spots\":[{\"id\":1,\"polygon\":[[0,0],[5,5]]}]}");
        assertTrue(assertThrows(LayoutException.class, () -> LayoutFiles.read(twoPoints)).getMessage().contains("malformed"));
    }
}
