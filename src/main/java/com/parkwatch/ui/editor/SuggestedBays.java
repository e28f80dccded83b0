package com.parkwatch.ui.editor;

import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bays suggested from the camera's pictures, in the layout editor: asked for in the background, then each accepted
 * (it becomes a bay), adjusted by its corners first, or rejected, or all at once. The suggestions pending live in
 * {@link LayoutEditorModel#suggestedProperty()}, so that Undo takes back these steps as it does any edit.
 */
public final class SuggestedBays {

    /** Proposes bays at the frames' size, off the FX thread (it may take seconds). */
    @FunctionalInterface
    public interface Source {
        Layout suggest() throws Exception;
    }

    /** No suggestion is chosen (suggestions are numbered from 1). */
    public static final int NONE = 0;
    /** A suggestion covering this share of an existing bay, or covered by it, is that bay found again. */
    private static final double SAME_BAY = 0.3;

    private final LayoutEditorModel editor;
    private final BackgroundTasks tasks;
    private final Source source;
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public SuggestedBays(LayoutEditorModel editor, BackgroundTasks tasks, Source source) {
        this.editor = editor;
        this.tasks = tasks;
        this.source = source;
        editor.suggestedProperty().addListener((o, was, is) -> {
            if (is.stream().noneMatch(s -> s.id() == chosen.get())) {
                chosen.set(NONE);
            }
        });
    }

    /** Looks for parked cars in the camera's pictures; the bays found (less those already drawn) are suggested. */
    public void ask() {
        if (busy.get()) {
            return;
        }
        Layout now = editor.layoutProperty().get();
        busy.set(true);
        editor.say("Looking for parked cars in the camera's pictures…");
        tasks.run(() -> source.suggest().fittedTo(now.width(), now.height()), found -> {
            busy.set(false);
            List<Spot> fresh = found.spots().stream().filter(s -> !drawn(editor.layoutProperty().get(), s)).toList();
            if (fresh.isEmpty()) {
                editor.fail(found.spots().isEmpty() ? "No parked car was found in the pictures: draw the bays by hand."
                        : "Every bay found is drawn already.");
                return;
            }
            editor.edit("suggest " + LayoutEditorModel.bays(fresh.size()), editor.layoutProperty()::get, fresh,
                    LayoutEditorModel.bays(fresh.size()) + " suggested, dashed: tap one to accept, adjust or reject it,"
                            + " or accept or reject them all.");
        }, failure -> {
            busy.set(false);
            editor.fail("No bays were suggested: " + failure.getMessage());
        });
    }

    /** A tap on the picture: chooses the suggestion under it, if any, unless the tool places corners or the entrance. */
    public boolean tap(Vertex at) {
        Tool tool = editor.toolProperty().get();
        if (tool == Tool.CORNERS || tool == Tool.ENTRANCE) {
            return false;
        }
        List<Spot> pending = pending();
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (Outlines.contains(pending.get(i).outline(), at)) {
                chosen.set(pending.get(i).id());
                editor.say("Suggested bay chosen: accept it, drag its round handles to fit it first, or reject it.");
                return true;
            }
        }
        chosen.set(NONE);
        return false;
    }

    /** The corner of the chosen suggestion nearest to a point, within {@code reach} frame pixels. */
    public Optional<LayoutEditorModel.Corner> cornerAt(Vertex at, double reach) {
        return LayoutEditorModel.nearestCorner(chosenSpot().stream().toList(), at, reach);
    }

    public void moveCorner(LayoutEditorModel.Corner corner, Vertex to) {
        Layout now = editor.layoutProperty().get();
        List<Spot> moved = LayoutEdits.moveCorner(now.withSpots(pending()), corner.spot(), corner.index(), to).spots();
        editor.edit("adjust a suggested bay", () -> now, moved, "Corner moved: accept the bay when it fits.");
    }

    public void accept() {
        chosenSpot().ifPresentOrElse(s -> editor.edit("accept a suggested bay",
                        () -> LayoutEdits.add(editor.layoutProperty().get(), s.outline()), without(s),
                        "Suggested bay accepted; " + left(without(s)) + "."),
                () -> editor.fail("Tap a suggested (dashed) bay first."));
    }

    public void reject() {
        chosenSpot().ifPresentOrElse(s -> editor.edit("reject a suggested bay", editor.layoutProperty()::get,
                        without(s), "Suggested bay rejected; " + left(without(s)) + "."),
                () -> editor.fail("Tap a suggested (dashed) bay first."));
    }

    public void acceptAll() {
        List<Spot> all = pending();
        if (all.isEmpty()) {
            editor.fail("No bays are suggested: ask for suggestions first.");
            return;
        }
        editor.edit("accept " + LayoutEditorModel.bays(all.size()), () -> {
            Layout grown = editor.layoutProperty().get();
            for (Spot s : editor.layoutProperty().get().withSpots(all).inReadingOrder()) {
                grown = LayoutEdits.add(grown, s.outline());
            }
            return grown;
        }, List.of(), LayoutEditorModel.bays(all.size()) + " accepted: label them with Select and Label row.");
    }

    public void rejectAll() {
        int n = pending().size();
        if (n == 0) {
            editor.fail("No bays are suggested.");
            return;
        }
        editor.edit("reject " + LayoutEditorModel.bays(n), editor.layoutProperty()::get, List.of(),
                "The suggestions are gone; Undo brings them back.");
    }

    private List<Spot> pending() {
        return editor.suggestedProperty().get();
    }

    Optional<Spot> chosenSpot() {
        return pending().stream().filter(s -> s.id() == chosen.get()).findFirst();
    }

    private List<Spot> without(Spot gone) {
        List<Spot> rest = new ArrayList<>(pending());
        rest.remove(gone);
        return rest;
    }

    private static String left(List<Spot> rest) {
        return rest.isEmpty() ? "none left" : LayoutEditorModel.bays(rest.size()) + " still suggested";
    }

    private static boolean drawn(Layout layout, Spot found) {
        return layout.spots().stream().anyMatch(s -> s.box().overlap(found.box())
                >= SAME_BAY * Math.min(s.box().area(), found.box().area()));
    }

    // ---- read-only views

    /** The number of the suggestion tapped, or {@link #NONE}. */
    public ReadOnlyIntegerProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Whether the pictures are being looked at. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
