package com.parkwatch.ui.editor;

import com.parkwatch.lot.Box;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.CurrentThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suggested bays in the editor, with no FX thread: asked for, chosen by a tap, adjusted, accepted, rejected, undone. */
class SuggestedBaysTest {

    @TempDir
    Path dir;

    /** What the suggester "found", at half the editor's size (it is fitted), the first bay drawn already. */
    private Layout found = new Layout(640, 360, List.of(Spot.ofBox(1, new Box(50, 50, 40, 90)),
            Spot.ofBox(2, new Box(100, 50, 40, 90)), Spot.ofBox(3, new Box(150, 50, 40, 90)),
            Spot.ofBox(4, new Box(200, 50, 40, 90))));

    private final RecordingTarget target = new RecordingTarget(() -> dir.resolve("lot.json"));
    private final LayoutEditorModel model = new LayoutEditorModel(new CurrentThreadTasks(), target, List.of());
    private final SuggestedBays suggested = new SuggestedBays(model, new CurrentThreadTasks(), () -> found);

    private Layout layout() {
        return model.layoutProperty().get();
    }

    private List<Spot> pending() {
        return model.suggestedProperty().get();
    }

    private void openWithOneBay() {
        model.open(new Layout(1280, 720, List.of(Spot.ofBox(1, new Box(100, 100, 80, 180)))));
    }

    @Test
    void bayFoundAgainIsNotSuggestedTheOthersAreAtTheEditorsSize() {
        openWithOneBay();
        suggested.ask();
        assertEquals(3, pending().size(), "the bay drawn already is not suggested again");
        assertEquals(new Box(200, 100, 80, 180), pending().get(0).box(), "fitted to the editor's frame");
        assertTrue(model.messageProperty().get().startsWith("3 bays suggested"));
        assertEquals(1, layout().size(), "suggestions are not bays until accepted");
    }

    @Test
    void tappedSuggestionIsAdjustedByACornerAcceptedAndAnotherRejectedAndUndoTakesEachBack() {
        openWithOneBay();
        suggested.ask();
        assertFalse(suggested.tap(new Vertex(700, 600)), "a tap beside every suggestion chooses none");
        suggested.accept();
        assertTrue(model.failedProperty().get(), "nothing to accept before a suggestion is tapped");

        assertTrue(suggested.tap(new Vertex(240, 190)));
        LayoutEditorModel.Corner corner = suggested.cornerAt(new Vertex(198, 102), 10).orElseThrow();
        suggested.moveCorner(corner, new Vertex(190, 95));
        assertEquals(new Vertex(190, 95), pending().get(0).outline().get(corner.index()), "adjusted before accepting");
        suggested.accept();
        assertEquals(2, layout().size());
        Spot accepted = layout().spots().get(1);
        assertEquals(new Vertex(190, 95), accepted.outline().get(corner.index()), "accepted as adjusted");
        assertEquals("2", accepted.label());
        assertEquals(2, pending().size());
        assertEquals(SuggestedBays.NONE, suggested.chosenProperty().get());

        assertTrue(suggested.tap(new Vertex(340, 190)));
        suggested.reject();
        assertEquals(1, pending().size());
        assertEquals(2, layout().size(), "a rejected suggestion adds nothing");

        model.undo();
        assertEquals(2, pending().size(), "Undo brings the rejected suggestion back");
        model.undo();
        assertEquals(1, layout().size(), "Undo takes the accepted bay back ...");
        assertEquals(3, pending().size(), "... and suggests it again");
        model.undo();
        assertEquals(new Box(200, 100, 80, 180), pending().get(0).box(), "Undo takes the corner's move back");
    }

    @Test
    void acceptAllAddsThemInReadingOrderRejectAllDropsThemAndSaveKeepsOnlyBays() {
        openWithOneBay();
        suggested.ask();
        suggested.rejectAll();
        assertTrue(pending().isEmpty());
        model.undo();
        suggested.acceptAll();
        assertTrue(pending().isEmpty());
        assertEquals(List.of("1", "2", "3", "4"), layout().inReadingOrder().stream().map(Spot::label).toList());
        model.save();
        assertEquals(4, target.used.get(0).size());
    }

    @Test
    void aTapWithTheCornersToolPlacesACornerEvenOnASuggestion() {
        openWithOneBay();
        suggested.ask();
        model.setTool(Tool.CORNERS);
        assertFalse(suggested.tap(new Vertex(240, 190)));
    }

    @Test
    void nothingFoundOrAFailureIsSaidInWords() {
        openWithOneBay();
        found = new Layout(640, 360, List.of());
        suggested.ask();
        assertTrue(model.failedProperty().get());
        assertEquals("No parked car was found in the pictures: draw the bays by hand.", model.messageProperty().get());

        SuggestedBays broken = new SuggestedBays(model, new CurrentThreadTasks(), () -> {
            throw new IllegalStateException("no picture came from the camera in 15 s.");
        });
        broken.ask();
        assertEquals("No bays were suggested: no picture came from the camera in 15 s.", model.messageProperty().get());
        assertFalse(broken.busyProperty().get());
    }
}
