package com.parkwatch.booking;

import com.parkwatch.Databases;

/** The history's contract against a real PostgreSQL server. */
class PostgresHistoryStoreTest extends HistoryStoreContract {

    @Override
    String url() throws Exception {
        return Databases.postgres();
    }
}
