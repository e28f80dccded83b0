package com.parkwatch.ui;

/** The kiosk's node ids, shared by the views and the tests that drive them, so no test spells an id by hand. */
public final class Ids {

    public static final String AVAILABLE = "available";
    public static final String FREE_SPOTS = "free-spots";
    public static final String SOURCE_STATUS = "source-status";
    public static final String NOT_LIVE = "not-live";
    public static final String WEB_NOTICE = "web-notice";
    public static final String OPEN_CANCEL = "open-cancel";
    public static final String OPEN_HISTORY = "open-history";
    public static final String CORRECTING = "correcting";
    public static final String CORRECTING_DONE = "correcting-done";

    public static final String LOT_MAP = "lot-map";
    public static final String SPOT_LIST = "spot-list";
    public static final String SHOW_MAP = "show-map";
    public static final String SHOW_LIST = "show-list";
    public static final String FREE_ONLY = "free-only";
    public static final String BOOK_BEST = "book-best";
    public static final String LANGUAGE = "language";
    public static final String FEED = "feed";
    public static final String CLOCK = "clock";

    public static final String BOOKING_SPOT = "booking-spot";
    public static final String CHANGE_SPOT = "change-spot";
    public static final String PLATE_NEXT = "plate-next";
    public static final String PLATE_LIMIT = "plate-limit";
    public static final String PLATE_ERROR = "plate-error";
    public static final String DURATION_BACK = "duration-back";
    public static final String DURATION_CLOSE = "duration-close";
    public static final String SUMMARY_SPOT = "summary-spot";
    public static final String SUMMARY_PLATE = "summary-plate";
    public static final String SUMMARY_UNTIL = "summary-until";
    public static final String SUMMARY_BACK = "summary-back";
    public static final String SUMMARY_CHANGE_SPOT = "summary-change-spot";
    public static final String SUMMARY_CLOSE = "summary-close";
    public static final String RECEIPT = "receipt";
    public static final String RECEIPT_SPOT = "receipt-spot";
    public static final String RECEIPT_PLATE = "receipt-plate";
    public static final String RECEIPT_UNTIL = "receipt-until";
    public static final String RECEIPT_QR = "receipt-qr";
    public static final String RECEIPT_PHONE = "receipt-phone";
    public static final String RECEIPT_LEAVES = "receipt-leaves";
    public static final String BOOKING_PLATE = "booking-plate";
    public static final String BOOKING_ERROR = "booking-error";
    public static final String BOOKING_CONFIRM = "booking-confirm";
    public static final String BOOKING_CLOSE = "booking-close";
    public static final String BOOKING_CODE = "booking-code";
    public static final String BOOKING_DONE = "booking-done";
    public static final String PLATE_KEY = "key";
    public static final String CANCEL_CODE = "cancel-code";
    public static final String CANCEL_MESSAGE = "cancel-message";
    public static final String CANCEL_CONFIRM = "cancel-confirm";
    public static final String CANCEL_CLOSE = "cancel-close";
    public static final String CODE_KEY = "code-key";

    public static final String HISTORY_CHART = "free-history";
    public static final String HISTORY_SPOT = "history-spot";
    public static final String HISTORY_CHANGES = "history-changes";
    public static final String HISTORY_CLOSE = "history-close";
    public static final String HISTORY_TABS = "history-tabs";
    public static final String HISTORY_TODAY = "history-today";
    public static final String HISTORY_TODAY_SUMMARY = "history-today-summary";
    public static final String HISTORY_WEEK = "history-week";
    public static final String HISTORY_WEEK_SUMMARY = "history-week-summary";
    public static final String HISTORY_MESSAGE = "history-message";

    public static final String CORRECTION_SAYS = "correction-says";
    public static final String CORRECT_FREE = "correct-free";
    public static final String CORRECT_OCCUPIED = "correct-occupied";
    public static final String CORRECT_CANCEL = "correct-cancel";

    public static final String PIN = "pin";
    public static final String PIN_MESSAGE = "pin-message";
    public static final String PIN_EXIT = "pin-confirm";
    public static final String PIN_CORRECT = "pin-correct";
    public static final String PIN_CLOSE = "pin-close";
    public static final String PIN_BOOKINGS = "pin-bookings";

    public static final String CORRECTION_CROP = "correction-crop";

    public static final String OPERATOR_BOOKINGS = "operator-bookings";
    public static final String OPERATOR_ALERTS = "operator-alerts";
    public static final String OPERATOR_CLOSED = "operator-closed";
    public static final String OPERATOR_SPOT = "operator-spot";
    public static final String OPERATOR_SPOT_DOWN = "operator-spot-down";
    public static final String OPERATOR_SPOT_UP = "operator-spot-up";
    public static final String OPERATOR_CLOSE_BAY = "operator-close-bay";
    public static final String OPERATOR_OPEN_BAY = "operator-open-bay";
    public static final String OPERATOR_MESSAGE = "operator-message";
    public static final String OPERATOR_DONE = "operator-done";
    public static final String OPERATOR_SET_UP = "operator-set-up";

    private Ids() {
    }

    /** The button that shows a camera's feed (a lot of several cameras), from 1. */
    public static String camera(int number) {
        return "camera-" + number;
    }

    public static String spot(int id) {
        return "spot-" + id;
    }

    public static String duration(int minutes) {
        return "duration-" + minutes;
    }

    /** The operator's button that voids the booking with this code. */
    public static String voidBooking(String code) {
        return "void-" + code;
    }

    public static String pinDigit(int digit) {
        return "pin-" + digit;
    }

    /** A key of an on-screen keyboard: {@code key-A}, {@code code-key-space}. */
    public static String key(String keyboard, char c) {
        return keyboard + "-" + (c == ' ' ? "space" : String.valueOf(c));
    }
}
