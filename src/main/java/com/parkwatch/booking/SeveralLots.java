package com.parkwatch.booking;

/**
 * Several lots in one database (schema version 4): every table gains its lot's id, the rows kept so far become the
 * default lot's, and a spot's hold and a closed bay are keyed by the lot and the spot, so that spot 3 of one lot
 * never blocks spot 3 of another. The history's indexes lead with the lot, as every read of it does.
 */
final class SeveralLots {

    /** The lot id of a process not told another one, and of every row written before there were several. */
    static final String DEFAULT = "lot";

    /** Every table's lot column: rows written without a lot (by hand, by an older tool) are the default lot's. */
    private static final String LOT = "lot VARCHAR(64) NOT NULL DEFAULT '" + DEFAULT + "'";
    private static final String LOT_COLUMN = " ADD COLUMN " + LOT;

    /** Schema version 4. Keys cannot be altered in SQLite: those tables are copied into new ones. */
    static final String[] MIGRATION = {
            "ALTER TABLE bookings" + LOT_COLUMN,
            "CREATE INDEX bookings_lot_ends ON bookings (lot, ends_at)",
            "CREATE TABLE spot_holds_v4 (" + LOT + ", spot INTEGER NOT NULL,"
                    + " code VARCHAR(16) NOT NULL REFERENCES bookings(code), ends_at BIGINT NOT NULL,"
                    + " PRIMARY KEY (lot, spot))",
            "INSERT INTO spot_holds_v4 (lot, spot, code, ends_at) SELECT '" + DEFAULT + "', spot, code, ends_at"
                    + " FROM spot_holds",
            "DROP TABLE spot_holds",
            "ALTER TABLE spot_holds_v4 RENAME TO spot_holds",
            "CREATE TABLE closed_spots_v4 (" + LOT + ", spot INTEGER NOT NULL,"
                    + " closed_at BIGINT NOT NULL, PRIMARY KEY (lot, spot))",
            "INSERT INTO closed_spots_v4 (lot, spot, closed_at) SELECT '" + DEFAULT + "', spot, closed_at"
                    + " FROM closed_spots",
            "DROP TABLE closed_spots",
            "ALTER TABLE closed_spots_v4 RENAME TO closed_spots",
            "ALTER TABLE alerts" + LOT_COLUMN,
            "ALTER TABLE spot_history" + LOT_COLUMN,
            "DROP INDEX spot_history_at",
            "CREATE INDEX spot_history_lot_at ON spot_history (lot, at)",
            "ALTER TABLE lot_history" + LOT_COLUMN,
            "DROP INDEX lot_history_at",
            "CREATE INDEX lot_history_lot_at ON lot_history (lot, at)",
            "ALTER TABLE booking_events" + LOT_COLUMN,
            "DROP INDEX booking_events_at",
            "CREATE INDEX booking_events_lot_at ON booking_events (lot, at)",
    };

    private SeveralLots() {
    }
}
