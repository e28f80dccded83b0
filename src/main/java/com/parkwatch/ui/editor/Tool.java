package com.parkwatch.ui.editor;

/** What a touch on the picture does in the layout editor, with the hint the editor shows for it. */
public enum Tool {
    RECTANGLE("Drag across a bay from one corner to the opposite one."),
    CORNERS("Tap the four corners of a bay, in any order."),
    SELECT("Tap bays to select them, tap again to unselect; drag a round handle to move a corner."),
    ENTRANCE("Tap where drivers come in.");

    private final String hint;

    Tool(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
