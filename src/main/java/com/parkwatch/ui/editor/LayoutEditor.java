package com.parkwatch.ui.editor;

import com.parkwatch.lot.BayType;
import com.parkwatch.lot.Layout;
import com.parkwatch.lot.LayoutFiles;
import com.parkwatch.lot.Vertex;
import com.parkwatch.ui.BackgroundTasks;
import com.parkwatch.ui.OnScreenKeyboard;
import com.parkwatch.vision.layout.BaySuggester;
import com.parkwatch.watch.LotWatch;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

/**
 * The layout editor, over the whole kiosk: the frozen picture of the lot with its bays on the left, big buttons
 * with words and symbols on the right, what a touch does and what happened above. It only binds to
 * {@link LayoutEditorModel}; the picture is the lot's latest sampled frame, fetched off the FX thread.
 */
public final class LayoutEditor extends StackPane {

    private static final double PANEL_WIDTH = 470;

    private final LayoutEditorModel model;
    private final SuggestedBays suggested;
    private final Supplier<Layout> current;
    private final Supplier<byte[]> still;
    private final BackgroundTasks tasks;
    private final EditorCanvas picture;
    private final PauseTransition retry = new PauseTransition(Duration.seconds(1));
    private final TextField zoneName = new TextField();
    private final VBox importList = new VBox(8);
    private final Node editing;
    private final Node zoneCard;
    private final Node importCard;
    private final Node leaveCard;

    /**
     * @param current the lot's layout now, which the editor starts from
     * @param still   the latest sampled frame as JPEG, or null before the first
     */
    public LayoutEditor(LayoutEditorModel model, SuggestedBays suggested, Supplier<Layout> current, Supplier<byte[]> still,
                        BackgroundTasks tasks) {
        this.model = model;
        this.suggested = suggested;
        this.current = current;
        this.still = still;
        this.tasks = tasks;
        picture = new EditorCanvas(model, suggested);
        setId(EditorIds.EDITOR);
        getStyleClass().add("layout-editor");
        getStylesheets().add(LayoutEditor.class.getResource("/ui/editor.css").toExternalForm());
        retry.setOnFinished(e -> loadStill());
        editing = editing();
        zoneCard = card("Zone of the selected bays", zoneName, new OnScreenKeyboard(zoneName, EditorIds.ZONE_KEY, OnScreenKeyboard.PLATE, true),
                new HBox(12, button("Set zone", EditorIds.ZONE_SET, () -> {
                    model.setZone(zoneName.getText());
                    showOnly(editing);
                }), button("Cancel", EditorIds.ZONE_CANCEL, () -> showOnly(editing))));
        zoneName.setId(EditorIds.ZONE_NAME);
        zoneName.setEditable(false);
        ScrollPane files = new ScrollPane(importList);
        files.setFitToWidth(true);
        files.setPrefViewportHeight(480);
        importCard = card("Import bays from a file", new Label("A mask image (white bays on black), a PKLot XML or a JSON layout."
                + " It replaces the bays drawn; Undo brings them back."), files,
                button("Cancel", EditorIds.IMPORT_CANCEL, () -> showOnly(editing)));
        leaveCard = card("Leave without saving?", new Label("The changes since the last save are lost."),
                new HBox(12, button("Leave", EditorIds.LEAVE, this::leave), button("Stay", EditorIds.STAY, () -> showOnly(editing))));
        getChildren().addAll(editing, zoneCard, importCard, leaveCard);
        setVisible(false);
    }

    /**
     * The editor on a running lot: it saves to {@code setup.saveTo()} and has the lot watch the saved layout at once.
     */
    public static LayoutEditor forLot(LotWatch watch, SetupOptions setup, BackgroundTasks tasks) {
        LayoutTarget target = new LayoutTarget() {
            @Override
            public Path file() {
                return setup.saveTo();
            }

            @Override
            public void use(Layout layout) throws IOException {
                write(layout, setup.saveTo());
                watch.switchLayout(layout);
            }
        };
        LayoutEditorModel model = new LayoutEditorModel(tasks, target, setup.importFrom());
        SuggestedBays suggested = new SuggestedBays(model, tasks,
                () -> BaySuggester.suggest(RecentStills.collect(watch::latestStill)));
        return new LayoutEditor(model, suggested, watch::layout, watch::latestStill, tasks);
    }

    /** Written beside the file and moved over it, so that a failure halfway leaves the old layout whole. */
    private static void write(Layout layout, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".layout", ".json");
        try {
            LayoutFiles.write(layout, partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Opens the editor on the lot's layout as it is now and a fresh picture of the lot. */
    public void open() {
        model.open(current.get());
        picture.setStill(null);
        loadStill();
        showOnly(editing);
        setVisible(true);
    }

    LayoutEditorModel model() {
        return model;
    }

    SuggestedBays suggested() {
        return suggested;
    }

    /** Where a point of the frame is on the screen, for the tests' fingers; null before the picture is laid out. */
    Point2D onScreen(Vertex v) {
        Point2D local = picture.toScreen(v);
        return picture.localToScreen(local.getX(), local.getY());
    }

    boolean showsPicture() {
        return picture.hasStill();
    }

    private void loadStill() {
        tasks.run(() -> {
            byte[] jpeg = still.get();
            return jpeg == null ? null : new Image(new ByteArrayInputStream(jpeg));
        }, image -> {
            if (image == null || image.isError()) {
                retry.playFromStart();
            } else {
                picture.setStill(image);
            }
        }, failure -> retry.playFromStart());
    }

    private Node editing() {
        Label title = new Label("Set up the lot");
        title.getStyleClass().add("editor-title");
        Label hint = bound(EditorIds.HINT, "editor-hint");
        hint.textProperty().bind(model.hintProperty());
        Label message = bound(EditorIds.MESSAGE, "editor-message");
        message.textProperty().bind(model.messageProperty());
        model.failedProperty().addListener((o, was, failed) -> message.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("failed"), failed));
        Label selection = bound(EditorIds.SELECTION, "editor-selection");
        selection.textProperty().bind(model.selectionTextProperty());
        VBox top = new VBox(4, new HBox(20, title, hint), message);
        top.getStyleClass().add("editor-top");
        // The suggestions' bar under the picture, beside the buttons: the buttons' column sets the height.
        VBox.setVgrow(picture, Priority.ALWAYS);
        BorderPane main = new BorderPane(new VBox(picture, suggestionBar(), selection));
        main.setTop(top);
        main.setRight(panel());
        return main;
    }

    /** The buttons: tools, rows and labels, what bays are for, and the file. */
    private Node panel() {
        ToggleGroup tools = new ToggleGroup();
        GridPane grid = new GridPane();
        grid.getStyleClass().add("editor-panel");
        int row = 0;
        grid.add(tool(tools, Tool.RECTANGLE, "\u25AD Rectangle"), 0, row);
        grid.add(tool(tools, Tool.CORNERS, "\u25C7 Four corners"), 1, row++);
        grid.add(tool(tools, Tool.SELECT, "\u261D Select"), 0, row);
        grid.add(tool(tools, Tool.ENTRANCE, "\u2691 Entrance"), 1, row++);
        model.toolProperty().addListener((o, was, is) -> tools.getToggles().forEach(t -> t.setSelected(t.getUserData() == is)));

        Label count = bound(EditorIds.ROW_COUNT, "editor-value");
        count.textProperty().bind(model.rowCountProperty().asString("%d bays"));
        grid.add(new HBox(8, button("\u2212", EditorIds.ROW_FEWER, () -> model.stepRowCount(-1)), count,
                button("+", EditorIds.ROW_MORE, () -> model.stepRowCount(1))), 0, row);
        grid.add(wide(button("\u21F9 Fill the row", EditorIds.FILL_ROW, model::fillRow)), 1, row++);
        Label letter = bound(EditorIds.ROW_LETTER, "editor-value");
        letter.textProperty().bind(model.rowLetterProperty().concat(" row"));
        grid.add(new HBox(8, button("\u2039", EditorIds.LETTER_BACK, () -> model.stepRowLetter(-1)), letter,
                button("\u203A", EditorIds.LETTER_NEXT, () -> model.stepRowLetter(1))), 0, row);
        Button label = wide(button("", EditorIds.LABEL_ROW, model::labelRow));
        label.textProperty().bind(model.rowLetterProperty().map(l -> "Label " + l + "1, " + l + "2 \u2026"));
        grid.add(label, 1, row++);

        BayType[] types = BayType.values();
        String[] words = {"Accessible", "EV charging", "Staff only", "Closed"};
        for (int i = 0; i < types.length; i++) {
            BayType type = types[i];
            grid.add(wide(button(type.symbol() + " " + words[i], EditorIds.type(type), () -> model.toggleType(type))),
                    i % 2, row + i / 2);
        }
        row += 2;
        grid.add(wide(button("Zone \u2026", EditorIds.ZONE, this::openZone)), 0, row);
        grid.add(wide(button("1 2 3 Renumber", EditorIds.RENUMBER, model::renumber)), 1, row++);
        grid.add(wide(button("Select all", EditorIds.SELECT_ALL, model::selectAll)), 0, row);
        grid.add(wide(button("\u2716 Delete", EditorIds.DELETE, model::deleteSelected)), 1, row++);

        Button undo = wide(button("", EditorIds.UNDO, model::undo));
        undo.textProperty().bind(model.undoTextProperty().map(t -> "\u21B6 " + t));
        undo.disableProperty().bind(model.canUndoProperty().not());
        GridPane.setColumnSpan(undo, 2);
        grid.add(undo, 0, row++);
        grid.add(wide(button("\u21E9 Import \u2026", EditorIds.IMPORT, this::openImport)), 0, row);
        Button save = wide(button("\u2714 Save", EditorIds.SAVE, model::save));
        save.getStyleClass().add("confirm");
        save.disableProperty().bind(model.busyProperty());
        grid.add(save, 1, row++);
        // A car parked across the bays in the still: a newer frame of the camera.
        grid.add(wide(button("\u27F3 New picture", EditorIds.NEW_PICTURE, this::loadStill)), 0, row);
        grid.add(wide(button("Close", EditorIds.CLOSE, this::close)), 1, row);
        grid.setPrefWidth(PANEL_WIDTH);
        grid.setMinWidth(PANEL_WIDTH);
        return grid;
    }

    /** Asking for suggested bays; while some are, what to do with the one tapped, or with all of them. */
    private Node suggestionBar() {
        Button suggest = button("\u2726 Suggest bays", EditorIds.SUGGEST, suggested::ask);
        suggest.disableProperty().bind(suggested.busyProperty());
        Label count = bound(EditorIds.SUGGESTED_COUNT, "editor-value");
        count.textProperty().bind(model.suggestedProperty().map(l -> LayoutEditorModel.bays(l.size())
                + " suggested (dashed)"));
        Button accept = button("\u2714 Accept", EditorIds.SUGGESTED_ACCEPT, suggested::accept);
        Button reject = button("\u2716 Reject", EditorIds.SUGGESTED_REJECT, suggested::reject);
        accept.disableProperty().bind(suggested.chosenProperty().isEqualTo(SuggestedBays.NONE));
        reject.disableProperty().bind(accept.disableProperty());
        HBox pending = new HBox(12, count, accept, reject, button("Accept all", EditorIds.SUGGESTED_ACCEPT_ALL,
                suggested::acceptAll), button("Reject all", EditorIds.SUGGESTED_REJECT_ALL, suggested::rejectAll));
        pending.setAlignment(Pos.CENTER_LEFT);
        pending.visibleProperty().bind(model.suggestedProperty().map(l -> !l.isEmpty()));
        HBox.setHgrow(pending, Priority.ALWAYS);
        HBox bar = new HBox(20, suggest, pending);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("editor-suggestions");
        return bar;
    }

    private ToggleButton tool(ToggleGroup group, Tool tool, String text) {
        ToggleButton b = new ToggleButton(text);
        b.setId(EditorIds.tool(tool));
        b.setUserData(tool);
        b.setToggleGroup(group);
        b.setSelected(model.toolProperty().get() == tool);
        b.setMaxWidth(Double.MAX_VALUE);
        // A second tap on the tool in use keeps it, rather than leaving no tool at all.
        b.setOnAction(e -> {
            b.setSelected(true);
            model.setTool(tool);
        });
        return b;
    }

    private void openZone() {
        if (model.selectionProperty().get().isEmpty()) {
            model.setZone("");
            return;
        }
        zoneName.clear();
        showOnly(zoneCard);
    }

    private void openImport() {
        List<Path> files = model.importable();
        importList.getChildren().clear();
        if (files.isEmpty()) {
            importList.getChildren().add(new Label("No mask image or layout file was found in "
                    + String.join(", ", model.importFolders().stream().map(Path::toString).toList()) + "."));
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Button b = wide(button(file.getFileName() + "   (" + file.getParent() + ")", EditorIds.importFile(i), () -> {
                model.importFrom(file);
                showOnly(editing);
            }));
            b.setAlignment(Pos.CENTER_LEFT);
            importList.getChildren().add(b);
        }
        showOnly(importCard);
    }

    private void close() {
        if (model.unsavedProperty().get()) {
            showOnly(leaveCard);
        } else {
            leave();
        }
    }

    private void leave() {
        retry.stop();
        setVisible(false);
    }

    private void showOnly(Node shown) {
        getChildren().forEach(c -> c.setVisible(c == shown));
    }

    private static Node card(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("dialog-title");
        VBox card = new VBox(14, heading);
        card.getChildren().addAll(children);
        card.getStyleClass().add("dialog");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane shade = new StackPane(card);
        shade.getStyleClass().add("dialog-shade");
        return shade;
    }

    private static Label bound(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return label;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Button wide(Button b) {
        b.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(b, Priority.ALWAYS);
        return b;
    }
}
