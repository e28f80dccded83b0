package com.parkwatch.ui.editor;

import com.parkwatch.lot.BayType;

import java.util.Locale;

/** The layout editor's node ids, shared by the editor and the tests that drive it. */
public final class EditorIds {

    public static final String EDITOR = "layout-editor";
    public static final String PICTURE = "editor-picture";
    public static final String HINT = "editor-hint";
    public static final String MESSAGE = "editor-message";
    public static final String SELECTION = "editor-selection";
    public static final String ROW_COUNT = "editor-row-count";
    public static final String ROW_FEWER = "editor-row-fewer";
    public static final String ROW_MORE = "editor-row-more";
    public static final String FILL_ROW = "editor-fill-row";
    public static final String ROW_LETTER = "editor-row-letter";
    public static final String LETTER_BACK = "editor-letter-back";
    public static final String LETTER_NEXT = "editor-letter-next";
    public static final String LABEL_ROW = "editor-label-row";
    public static final String RENUMBER = "editor-renumber";
    public static final String ZONE = "editor-zone";
    public static final String ZONE_NAME = "editor-zone-name";
    public static final String ZONE_SET = "editor-zone-set";
    public static final String ZONE_CANCEL = "editor-zone-cancel";
    public static final String DELETE = "editor-delete";
    public static final String SELECT_ALL = "editor-select-all";
    public static final String UNDO = "editor-undo";
    public static final String IMPORT = "editor-import";
    public static final String IMPORT_CANCEL = "editor-import-cancel";
    public static final String SAVE = "editor-save";
    public static final String CLOSE = "editor-close";
    public static final String NEW_PICTURE = "editor-new-picture";
    public static final String LEAVE = "editor-leave";
    public static final String STAY = "editor-stay";
    public static final String ZONE_KEY = "zone-key";
    public static final String SUGGEST = "editor-suggest";
    public static final String SUGGESTED_COUNT = "editor-suggested-count";
    public static final String SUGGESTED_ACCEPT = "editor-suggested-accept";
    public static final String SUGGESTED_REJECT = "editor-suggested-reject";
    public static final String SUGGESTED_ACCEPT_ALL = "editor-suggested-accept-all";
    public static final String SUGGESTED_REJECT_ALL = "editor-suggested-reject-all";

    private EditorIds() {
    }

    public static String tool(Tool tool) {
        return "editor-tool-" + tool.name().toLowerCase(Locale.ROOT);
    }

    public static String type(BayType type) {
        return "editor-type-" + type.word();
    }

    /** The import list's button for the n-th file offered, from 0. */
    public static String importFile(int n) {
        return "editor-import-" + n;
    }
}
