package com.parkwatch.ui.editor;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.Spot;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.BackgroundTasks;
import com.parkwatch.vision.layout.LayoutLoader;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The layout editor's state and commands, in frame pixels: the layout being drawn, the bays selected, the tool, the
 * four-corner taps so far, and one sentence of what happened or why not. Every edit makes a new layout and keeps the
 * one before for Undo. Saving and importing (files) go through {@link BackgroundTasks}; the properties change on the
 * FX thread only.
 */
public final class LayoutEditorModel {

    /** A corner of a bay, for dragging: the bay's number and the corner's place in its outline. */
    public record Corner(int spot, int index) {
    }

    static final int SHORTEST_ROW = 3;
    static final int LONGEST_ROW = 200;
    private static final int DEFAULT_ROW = 10;

    private final BackgroundTasks tasks;
    private final LayoutTarget target;
    private final List<Path> importFolders;
    private final EditHistory history = new EditHistory();

    // ---- properties
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Spot>> suggested = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Integer>> selection = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Tool> tool = new ReadOnlyObjectWrapper<>(Tool.RECTANGLE);
    private final ReadOnlyObjectWrapper<List<Vertex>> corners = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(Tool.RECTANGLE.hint());
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(DEFAULT_ROW);
    private final ReadOnlyStringWrapper rowLetter = new ReadOnlyStringWrapper("A");
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    /** @param importFolders where the operator's mask images and layout files are offered from */
    public LayoutEditorModel(BackgroundTasks tasks, LayoutTarget target, List<Path> importFolders) {
        this.tasks = tasks;
        this.target = target;
        this.importFolders = List.copyOf(importFolders);
    }

    // ---- commands

    /** Starts editing the lot's layout as it is now; nothing to undo, nothing unsaved. */
    public void open(Layout current) {
        history.clear();
        layout.set(current);
        suggested.set(List.of());
        unsaved.set(false);
        select(List.of());
        setTool(Tool.RECTANGLE);
        say("Editing " + current.size() + " bays. Save makes the camera watch the new layout at once.");
        refreshUndo();
    }

    public void setTool(Tool chosen) {
        tool.set(chosen);
        corners.set(List.of());
        hint.set(chosen.hint());
    }

    /** A rectangle dragged across the picture becomes a bay, selected. */
    public void drawRectangle(Vertex from, Vertex to) {
        addBay(Outlines.rectangle(from, to));
    }

    /** A tap on the picture, as the tool says: a corner, the entrance, or choosing bays. */
    public void tap(Vertex at) {
        switch (tool.get()) {
            case CORNERS -> corner(at);
            case ENTRANCE -> edit("set the entrance", () -> LayoutEdits.entrance(layout.get(), at),
                    "The entrance is set: drivers are shown the nearest free bay from it.");
            case SELECT -> {
                Optional<Spot> hit = spotAt(at);
                List<Integer> chosen = new ArrayList<>(selection.get());
                if (hit.isEmpty()) {
                    chosen.clear();
                } else if (!chosen.remove((Integer) hit.get().id())) {
                    chosen.add(hit.get().id());
                }
                select(chosen);
            }
            case RECTANGLE -> select(spotAt(at).map(s -> List.of(s.id())).orElse(List.of()));
        }
    }

    public void moveCorner(Corner corner, Vertex to) {
        edit("move a corner", () -> LayoutEdits.moveCorner(layout.get(), corner.spot(), corner.index(), to),
                "Corner moved.");
    }

    /** The corner of a selected bay nearest to a point, within {@code reach} frame pixels. */
    public Optional<Corner> cornerAt(Vertex at, double reach) {
        return nearestCorner(selectedSpots(), at, reach);
    }

    static Optional<Corner> nearestCorner(List<Spot> spots, Vertex at, double reach) {
        Corner nearest = null;
        double best = reach;
        for (Spot s : spots) {
            for (int i = 0; i < s.outline().size(); i++) {
                double d = Outlines.distance(s.outline().get(i), at);
                if (d <= best) {
                    best = d;
                    nearest = new Corner(s.id(), i);
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Fills the row between the two selected end bays with equal bays, {@link #rowCountProperty()} in all. */
    public void fillRow() {
        List<Spot> ends = layout.get().inReadingOrder().stream().filter(s -> selection.get().contains(s.id())).toList();
        if (ends.size() != 2) {
            fail("Select exactly the two end bays of the row (the first and the last), then fill it.");
            return;
        }
        int count = rowCount.get();
        LayoutEdits.Row[] row = new LayoutEdits.Row[1];
        if (edit("fill a row", () -> {
            row[0] = LayoutEdits.fillRow(layout.get(), ends.get(0).id(), ends.get(1).id(), count);
            return row[0].layout();
        }, "A row of " + count + " bays; label it now with Label row.")) {
            select(row[0].ids());
        }
    }

    public void deleteSelected() {
        int n = selection.get().size();
        if (n == 0) {
            fail("Select the bays to delete first.");
            return;
        }
        if (edit("delete " + bays(n), () -> LayoutEdits.delete(layout.get(), Set.copyOf(selection.get())),
                bays(n).substring(0, 1).toUpperCase() + bays(n).substring(1) + " deleted.")) {
            select(List.of());
        }
    }

    public void renumber() {
        if (edit("renumber", () -> LayoutEdits.renumber(layout.get()),
                "Bays numbered 1 to " + layout.get().size() + " in reading order: rows from the top, left to right.")) {
            select(List.of());
        }
    }

    /** Labels the selected bays with the row letter and 1, 2, 3 ... in reading order, then offers the next letter. */
    public void labelRow() {
        String letter = rowLetter.get();
        int n = selection.get().size();
        if (edit("label row " + letter, () -> LayoutEdits.labelRow(layout.get(), Set.copyOf(selection.get()), letter, 1),
                "Labelled " + letter + "1 to " + letter + n + ".")) {
            stepRowLetter(1);
        }
    }

    public void toggleType(BayType type) {
        String word = type.word().replace('_', ' ');
        List<Spot> chosen = selectedSpots();
        boolean removing = !chosen.isEmpty() && chosen.stream().allMatch(s -> s.types().contains(type));
        String labels = chosen.stream().map(Spot::label).limit(8).collect(Collectors.joining(", "))
                + (chosen.size() > 8 ? " …" : "");
        edit((removing ? "unmark " : "mark ") + word, () -> LayoutEdits.toggleType(layout.get(),
                Set.copyOf(selection.get()), type), (removing ? "No longer " + word + ": " : "Marked " + word + ": ") + labels + ".");
    }

    public void setZone(String zone) {
        String name = zone == null ? "" : zone.strip();
        edit(name.isEmpty() ? "clear the zone" : "zone " + name, () -> LayoutEdits.zone(layout.get(),
                Set.copyOf(selection.get()), name), name.isEmpty() ? "Zone cleared." : "Zone " + name + " set.");
    }

    public void selectAll() {
        select(layout.get().spots().stream().map(Spot::id).toList());
    }

    public void undo() {
        history.pop().ifPresentOrElse(edit -> {
            layout.set(edit.before());
            suggested.set(edit.suggestedBefore());
            corners.set(List.of());
            select(selection.get().stream().filter(id -> has(edit.before(), id)).toList());
            unsaved.set(true);
            say("Undone: " + edit.what() + ".");
            refreshUndo();
        }, () -> fail("Nothing to undo."));
    }

    public void stepRowCount(int delta) {
        rowCount.set(Math.max(SHORTEST_ROW, Math.min(LONGEST_ROW, rowCount.get() + delta)));
    }

    public void stepRowLetter(int delta) {
        rowLetter.set(String.valueOf((char) ('A' + Math.floorMod(rowLetter.get().charAt(0) - 'A' + delta, 26))));
    }

    /** The folders files are offered from. */
    public List<Path> importFolders() {
        return importFolders;
    }

    /** Mask images, JSON layouts and PKLot XML files in the import folders, by name. */
    public List<Path> importable() {
        Set<Path> files = new LinkedHashSet<>();
        for (Path folder : importFolders) {
            try (var list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|json|xml)"))
                        .sorted().limit(40).forEach(p -> files.add(p.toAbsolutePath().normalize()));
            } catch (IOException | RuntimeException e) {
                // A folder that is missing or unreadable offers nothing.
            }
        }
        return List.copyOf(files);
    }

    /** Replaces the bays with a file's (a mask image, a PKLot XML, a JSON layout), fitted to this camera's frame. */
    public void importFrom(Path file) {
        Layout now = layout.get();
        busy.set(true);
        say("Reading " + file.getFileName() + "…");
        tasks.run(() -> LayoutLoader.read(file, now.width(), now.height()).fittedTo(now.width(), now.height()), read -> {
            busy.set(false);
            Layout kept = read.entrance() != null ? read : new Layout(read.width(), read.height(), read.spots(),
                    layout.get().entrance());
            if (edit("import " + file.getFileName(), () -> kept, "Imported " + bays(read.size()) + " from "
                    + file.getFileName() + ".")) {
                select(List.of());
            }
        }, failure -> {
            busy.set(false);
            fail("That file was not imported: " + failure.getMessage());
        });
    }

    /** Writes the layout and has the lot watch it at once, off the FX thread. */
    public void save() {
        Layout saving = layout.get();
        if (saving.spots().isEmpty()) {
            fail("Draw at least one bay before saving.");
            return;
        }
        busy.set(true);
        say("Saving…");
        Path file = target.file();
        tasks.run(() -> {
            target.use(saving.checked(file));
            return saving.size();
        }, n -> {
            busy.set(false);
            unsaved.set(layout.get() != saving);
            say("Saved " + bays(n) + " to " + file + ": the camera watches them now.");
        }, failure -> {
            busy.set(false);
            fail("The layout was not saved: " + (failure instanceof IOException
                    ? "cannot write " + file + " (" + failure.getMessage() + ")" : failure.getMessage()));
        });
    }

    // ---- helpers

    private void corner(Vertex at) {
        List<Vertex> placed = new ArrayList<>(corners.get());
        placed.add(at);
        if (placed.size() < 4) {
            corners.set(List.copyOf(placed));
            hint.set("Corner " + placed.size() + " of 4 placed: tap the next one.");
            return;
        }
        corners.set(List.of());
        hint.set(Tool.CORNERS.hint());
        addBay(Outlines.around(placed));
    }

    private void addBay(List<Vertex> outline) {
        if (edit("draw a bay", () -> LayoutEdits.add(layout.get(), outline), null)) {
            Spot added = layout.get().spots().get(layout.get().size() - 1);
            select(List.of(added.id()));
            say("Bay " + added.label() + " drawn. Drag its round handles to fit it to the lines.");
        }
    }

    /** Applies an edit, keeping the layout before it for Undo; a refused edit says why and changes nothing. */
    private boolean edit(String what, Supplier<Layout> change, String done) {
        return edit(what, change, suggested.get(), done);
    }

    /** An edit that also leaves {@code suggestedAfter} as the bays still suggested (see {@link SuggestedBays}). */
    boolean edit(String what, Supplier<Layout> change, List<Spot> suggestedAfter, String done) {
        Layout before = layout.get();
        Layout after;
        try {
            after = change.get();
        } catch (EditRefused e) {
            fail(e.getMessage());
            return false;
        }
        history.push(what, before, suggested.get());
        layout.set(after);
        suggested.set(List.copyOf(suggestedAfter));
        unsaved.set(true);
        select(selection.get().stream().filter(id -> has(after, id)).toList());
        if (done != null) {
            say(done);
        }
        refreshUndo();
        return true;
    }

    private Optional<Spot> spotAt(Vertex at) {
        List<Spot> spots = layout.get().spots();
        for (int i = spots.size() - 1; i >= 0; i--) {
            if (Outlines.contains(spots.get(i).outline(), at)) {
                return Optional.of(spots.get(i));
            }
        }
        return Optional.empty();
    }

    private void select(List<Integer> ids) {
        selection.set(List.copyOf(ids));
        selectionText.set(selectionText());
    }

    private String selectionText() {
        List<Spot> chosen = selectedSpots();
        if (chosen.isEmpty()) {
            return "No bay selected.";
        }
        String labels = chosen.stream().limit(8).map(LayoutEditorModel::describe).collect(Collectors.joining(", "));
        return "Selected " + bays(chosen.size()) + ": " + labels + (chosen.size() > 8 ? " …" : "");
    }

    /** "A3 (accessible, zone North)". */
    private static String describe(Spot s) {
        List<String> notes = new ArrayList<>(s.types().stream().map(t -> t.word().replace('_', ' ')).toList());
        if (s.zone() != null) {
            notes.add("zone " + s.zone());
        }
        return s.label() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }

    List<Spot> selectedSpots() {
        Layout now = layout.get();
        return selection.get().stream().filter(id -> has(now, id)).map(id -> LayoutEdits.spot(now, id)).toList();
    }

    private static boolean has(Layout layout, int id) {
        return layout.spots().stream().anyMatch(s -> s.id() == id);
    }

    static String bays(int n) {
        return n == 1 ? "1 bay" : n + " bays";
    }

    private void refreshUndo() {
        Optional<String> last = history.last();
        canUndo.set(last.isPresent());
        undoText.set(last.map(w -> "Undo: " + w).orElse("Undo"));
    }

    void say(String sentence) {
        message.set(sentence);
        failed.set(false);
    }

    void fail(String sentence) {
        message.set(sentence);
        failed.set(true);
    }

    // ---- read-only views

    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** Bays suggested from the camera's pictures, not yet accepted or rejected, numbered among themselves. */
    public ReadOnlyObjectProperty<List<Spot>> suggestedProperty() {
        return suggested.getReadOnlyProperty();
    }

    /** The selected bays' numbers, in the order they were chosen. */
    public ReadOnlyObjectProperty<List<Integer>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tool> toolProperty() {
        return tool.getReadOnlyProperty();
    }

    /** The corners tapped so far of a bay drawn by its four corners. */
    public ReadOnlyObjectProperty<List<Vertex>> cornersProperty() {
        return corners.getReadOnlyProperty();
    }

    /** What a touch on the picture does now. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** What the last command did, or why it did nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} says why something was not done. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** How many bays a filled row has, end bays included. */
    public ReadOnlyIntegerProperty rowCountProperty() {
        return rowCount.getReadOnlyProperty();
    }

    /** The letter the next row's labels start with. */
    public ReadOnlyStringProperty rowLetterProperty() {
        return rowLetter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    /** Whether there are edits since the layout was opened or saved. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** Whether a file is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
