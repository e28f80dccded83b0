package com.parkwatch.ui.editor;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.CurrentThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout editor's commands driven with no FX thread: drawing, rows, labels, types, undo, import and save. */
class LayoutEditorModelTest {

    @TempDir
    Path dir;

    private final RecordingTarget target = new RecordingTarget(() -> dir.resolve("lot.json"));
    private final LayoutEditorModel model = new LayoutEditorModel(new CurrentThreadTasks(), target, List.of());

    private Layout layout() {
        return model.layoutProperty().get();
    }

    private Spot spot(int id) {
        return LayoutEdits.spot(layout(), id);
    }

    private void openEmpty() {
        model.open(new Layout(1280, 720, List.of()));
    }

    @Test
    void aDraggedRectangleAndFourTappedCornersBecomeBaysSelectedAndNumbered() {
        openEmpty();
        model.drawRectangle(new Vertex(200, 300), new Vertex(100, 100));
        assertEquals(List.of(new Vertex(100, 100), new Vertex(200, 100), new Vertex(200, 300), new Vertex(100, 300)),
                spot(1).outline(), "dragged from the bottom right: the same rectangle");
        assertEquals("1", spot(1).label());
        assertEquals(List.of(1), model.selectionProperty().get());

        model.setTool(Tool.CORNERS);
        // Tapped in a crossing order: the bay still goes round its corners.
        for (Vertex v : List.of(new Vertex(300, 100), new Vertex(400, 300), new Vertex(400, 100), new Vertex(300, 300))) {
            model.tap(v);
        }
        assertEquals(List.of(new Vertex(300, 100), new Vertex(400, 100), new Vertex(400, 300), new Vertex(300, 300)),
                spot(2).outline());
        assertEquals("2", spot(2).label());
        assertEquals(List.of(), model.cornersProperty().get());

        model.setTool(Tool.RECTANGLE);
        model.drawRectangle(new Vertex(500, 500), new Vertex(503, 600));
        assertEquals(2, layout().size(), "a slip of the finger is no bay");
        assertTrue(model.failedProperty().get());
        assertTrue(model.messageProperty().get().startsWith("That is too small for a bay"));
    }

    @Test
    void twoEndBaysFillARowLabelledA1ToAnInReadingOrderAndUndoTakesEachStepBack() {
        openEmpty();
        // The last bay drawn first: the row still runs left to right.
        model.drawRectangle(new Vertex(1000, 100), new Vertex(1090, 300));
        model.drawRectangle(new Vertex(100, 100), new Vertex(190, 300));
        model.setTool(Tool.SELECT);
        model.tap(new Vertex(1050, 200));
        model.stepRowCount(-10);
        assertEquals(LayoutEditorModel.SHORTEST_ROW, model.rowCountProperty().get());
        model.stepRowCount(7);
        model.fillRow();

        assertEquals(10, layout().size());
        List<Spot> row = layout().inReadingOrder();
        for (int i = 0; i < 10; i++) {
            assertEquals(100 + i * 100, row.get(i).box().x(), "equal steps from the first end bay to the last");
            assertEquals(90, row.get(i).box().width());
        }
        assertEquals(10, model.selectionProperty().get().size(), "the row is selected, ready to label");

        model.labelRow();
        assertEquals(List.of("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10"),
                layout().inReadingOrder().stream().map(Spot::label).toList());
        assertEquals("B", model.rowLetterProperty().get(), "the next row gets the next letter");
        assertEquals("Undo: label row A", model.undoTextProperty().get());

        model.undo();
        assertEquals(10, layout().size());
        assertFalse(layout().spots().stream().anyMatch(s -> s.label().startsWith("A")), "the labels are taken back");
        model.undo();
        assertEquals(2, layout().size(), "the row is taken back");
        model.undo();
        model.undo();
        assertEquals(0, layout().size());
        assertFalse(model.canUndoProperty().get());
        model.undo();
        assertEquals("Nothing to undo.", model.messageProperty().get());
    }

    @Test
    void aLabelAnotherBayHasIsRefusedInWords() {
        model.open(new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 100)).described("A1", null, Set.of()),
                Spot.ofBox(2, new Box(60, 0, 50, 100)), Spot.ofBox(3, new Box(0, 200, 50, 100)))));
        model.setTool(Tool.SELECT);
        model.tap(new Vertex(20, 250));
        model.labelRow();
        assertTrue(model.failedProperty().get());
        assertEquals("Two bays would both read A1: choose another row letter or relabel the other bay first.",
                model.messageProperty().get());
        assertEquals("3", LayoutEdits.spot(layout(), 3).label(), "numbered in reading order, unchanged");
        assertFalse(model.canUndoProperty().get(), "a refused edit is no edit");
    }

    @Test
    void renumberingFollowsReadingOrderAndKeepsLabelsThatAreNotNumbers() {
        // Drawn column by column, as masks often are.
        model.open(new Layout(640, 480, List.of(Spot.ofBox(1, new Box(0, 0, 50, 100)).described("7", null, Set.of()),
                Spot.ofBox(2, new Box(0, 200, 50, 100)).described("3", null, Set.of()),
                Spot.ofBox(3, new Box(60, 0, 50, 100)).described("X", null, Set.of()),
                Spot.ofBox(4, new Box(60, 200, 50, 100)).described("5", null, Set.of()))));
        model.renumber();
        List<Spot> spots = layout().spots();
        assertEquals(List.of(1, 2, 3, 4), spots.stream().map(Spot::id).toList());
        assertEquals(List.of(0, 60, 0, 60), spots.stream().map(s -> s.box().x()).toList(), "rows from the top, left to right");
        assertEquals(List.of("1", "X", "3", "4"), spots.stream().map(Spot::label).toList());
    }

    @Test
    void typesToggleZonesNameAndTheEntranceIsATap() {
        openEmpty();
        model.drawRectangle(new Vertex(100, 100), new Vertex(190, 300));
        model.drawRectangle(new Vertex(200, 100), new Vertex(290, 300));
        model.selectAll();
        model.toggleType(BayType.ACCESSIBLE);
        assertTrue(layout().spots().stream().allMatch(s -> s.types().equals(Set.of(BayType.ACCESSIBLE))));
        assertEquals("Marked accessible: 1, 2.", model.messageProperty().get());
        model.toggleType(BayType.ACCESSIBLE);
        assertTrue(layout().spots().stream().allMatch(s -> s.types().isEmpty()), "a second tap takes it away");
        assertEquals("No longer accessible: 1, 2.", model.messageProperty().get());
        model.setTool(Tool.SELECT);
        model.tap(new Vertex(600, 600));
        assertEquals(List.of(), model.selectionProperty().get(), "a tap beside every bay unselects them all");
        model.tap(new Vertex(150, 200));
        model.tap(new Vertex(250, 200));
        assertEquals(List.of(1, 2), model.selectionProperty().get());
        model.tap(new Vertex(250, 200));
        assertEquals(List.of(1), model.selectionProperty().get(), "a second tap unselects");
        model.toggleType(BayType.CLOSED);
        model.setZone(" North ");
        assertEquals(Set.of(BayType.CLOSED), spot(1).types());
        assertFalse(spot(1).forDrivers());
        assertEquals("North", spot(1).zone());
        assertNull(spot(2).zone());
        assertEquals("Selected 1 bay: 1 (closed, zone North)", model.selectionTextProperty().get());

        model.setTool(Tool.ENTRANCE);
        model.tap(new Vertex(640, 719));
        assertEquals(new Vertex(640, 719), layout().entrance());
        model.undo();
        assertNull(layout().entrance());
    }

    @Test
    void aCornerDraggedMovesOnlyThatCornerWithinTheFrame() {
        openEmpty();
        model.drawRectangle(new Vertex(100, 100), new Vertex(190, 300));
        LayoutEditorModel.Corner corner = model.cornerAt(new Vertex(195, 295), 24).orElseThrow();
        assertEquals(new LayoutEditorModel.Corner(1, 2), corner);
        model.moveCorner(corner, new Vertex(2000, 310));
        assertEquals(new Vertex(1280, 310), spot(1).outline().get(2), "kept inside the picture");
        assertTrue(model.cornerAt(new Vertex(600, 600), 24).isEmpty());
        model.deleteSelected();
        assertEquals(0, layout().size());
    }

    @Test
    void saveWritesTheJsonLayoutThatLoadsBackAndTellsTheLot() throws Exception {
        openEmpty();
        model.drawRectangle(new Vertex(100, 100), new Vertex(190, 300));
        model.toggleType(BayType.EV_CHARGING);
        model.setTool(Tool.ENTRANCE);
        model.tap(new Vertex(10, 20));
        model.save();
        assertFalse(model.failedProperty().get(), model.messageProperty().get());
        assertFalse(model.unsavedProperty().get());
        Layout read = LayoutFiles.read(dir.resolve("lot.json"));
        assertEquals(layout(), read);
        assertEquals(List.of(read), target.used);
        assertTrue(model.messageProperty().get().startsWith("Saved 1 bay to "));
    }

    @Test
    void anEmptyLayoutOrAnUnwritableFileIsNotSavedAndSaysWhy() throws Exception {
        openEmpty();
        model.save();
        assertEquals("Draw at least one bay before saving.", model.messageProperty().get());
        model.drawRectangle(new Vertex(100, 100), new Vertex(190, 300));
        Files.createDirectory(dir.resolve("lot.json"));
        model.save();
        assertTrue(model.failedProperty().get());
        assertTrue(model.messageProperty().get().startsWith("The layout was not saved: cannot write "), model.messageProperty().get());
        assertTrue(model.unsavedProperty().get());
        assertTrue(target.used.isEmpty());
    }

    @Test
    void aJsonLayoutIsImportedFittedToTheFrameAndUndoBringsTheOldBaysBack() throws Exception {
        Path half = dir.resolve("half.json");
        LayoutFiles.write(new Layout(640, 360, List.of(Spot.ofBox(1, new Box(10, 10, 40, 80)),
                Spot.ofBox(2, new Box(60, 10, 40, 80)))), half);
        LayoutEditorModel withFolder = new LayoutEditorModel(new CurrentThreadTasks(), null, List.of(dir, dir.resolve("missing")));
        withFolder.open(new Layout(1280, 720, List.of(Spot.ofBox(1, new Box(0, 0, 50, 50)))));
        assertEquals(List.of(half.toAbsolutePath()), withFolder.importable());
        withFolder.importFrom(half);
        Layout imported = withFolder.layoutProperty().get();
        assertEquals(2, imported.size());
        assertEquals(new Box(20, 20, 80, 160), imported.spots().get(0).box(), "scaled to the camera's frame");
        withFolder.undo();
        assertEquals(1, withFolder.layoutProperty().get().size());

        Files.writeString(dir.resolve("bad.json"), "{");
        withFolder.importFrom(dir.resolve("bad.json"));
        assertTrue(withFolder.failedProperty().get());
        assertTrue(withFolder.messageProperty().get().startsWith("That file was not imported: cannot read the layout"));
    }

    @Test
    void aPklotXmlIsImportedAsTheCamerasRotatedBays() throws Exception {
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
        LayoutEditorModel withFolder = new LayoutEditorModel(new CurrentThreadTasks(), null, List.of(dir));
        withFolder.open(new Layout(1280, 720, List.of()));
        assertEquals(List.of(xml.toAbsolutePath()), withFolder.importable());
        withFolder.importFrom(xml);
        Layout imported = withFolder.layoutProperty().get();
        assertEquals(List.of(1, 2), imported.spots().stream().map(Spot::id).toList());
        assertFalse(imported.spots().get(0).isAxisAligned(), "the rotated space keeps its four corners");
        assertEquals("Imported 2 bays from frame.xml.", withFolder.messageProperty().get());
    }
}
